import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import type { CountsQuery } from '../needs.api';
import { useNeedsPage, useTodoCounts } from '../needs.queries';
import { ledgerStages, stageOf } from '../needs.stages';
import { BulkActions } from './BulkActions';
import { ExportButton } from './ExportButton';
import { NeedFiltersBar } from './NeedFiltersBar';
import { NeedTable, useNeedColumns } from './NeedTable';
import { ledgerSorts, useNeedQuery } from './use-need-query';
import './needs-desk.css';

/** 需求台账: every need in my subtree, filtered, counted per state and paged on the server, with bulk handling. */
export function NeedsLedgerPage() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { query, sort, filters, countFilters, setFilters, setStatus, setSort, setPage } = useNeedQuery();
  const result = useNeedsPage({ ...query, view: 'all' });
  // the tabs count what each would show under the other filters on screen
  const counts = useTodoCounts({ view: 'all', ...countFilters } as CountsQuery);
  const columns = useNeedColumns();
  // picked rows belong to the filters and the tab they were picked under (across their pages), not to the next search
  const { sort: _sort, ...pickedUnder } = filters;
  const filterKey = JSON.stringify(pickedUnder);
  const [picked, setPicked] = useState<{ filterKey: string; ids: string[] }>({ filterKey, ids: [] });
  const selected = picked.filterKey === filterKey ? picked.ids : [];
  const setSelected = (ids: string[]) => setPicked({ filterKey, ids });
  const stage = stageOf(ledgerStages, query.status);
  const countOf = (key: string) => counts.data?.buckets.find((b) => b.key === key)?.count;

  return (
    <>
      <PageHeader
        title={t('menu.needs')}
        description={t('ledger.description')}
        extra={
          <Space>
            <ExportButton filters={filters} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/needs/new')}>
              {t('menu.needEntry')}
            </Button>
          </Space>
        }
      />
      <Card className="lx-filters-card" size="small">
        <NeedFiltersBar value={filters} onSearch={setFilters} />
      </Card>
      {result.isError && <Alert type="error" showIcon message={result.error.message} className="lx-page-alert" />}
      <Card size="small">
        <div className="lx-ledger-toolbar">
          <Segmented
            value={stage ?? 'custom'}
            onChange={(key) => {
              // another tab is another list: what was picked is let go, not kept for coming back
              setPicked({ filterKey: '', ids: [] });
              setStatus(ledgerStages.find((s) => s.key === key)?.status);
            }}
            data-testid="ledger-stages"
            options={ledgerStages.map((s) => ({
              value: s.key,
              label: (
                <span data-testid={`stage-${s.key}`}>
                  {t(`stage.${s.key}`)}
                  {countOf(s.key) !== undefined && <span className="lx-stage-count">{countOf(s.key)}</span>}
                </span>
              ),
            }))}
          />
          <div className="lx-ledger-tools">
            <BulkActions selected={selected} rows={result.data?.items ?? []} onClear={() => setSelected([])} />
            <Select
              value={sort}
              onChange={setSort}
              style={{ width: 150 }}
              aria-label={t('sort.label')}
              data-testid="ledger-sort"
              options={ledgerSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
            />
            {columns.button}
          </div>
        </div>
        <NeedTable
          rows={result.data?.items}
          fetching={result.isFetching}
          paging={{ page: query.page, pageSize: query.pageSize, total: result.data?.total, onChange: setPage }}
          selected={selected}
          onSelect={setSelected}
          columns={columns.visible}
          byDeadline={sort === 'deadline'}
          onSortByDeadline={(on) => setSort(on ? 'deadline' : 'newest')}
        />
      </Card>
    </>
  );
}

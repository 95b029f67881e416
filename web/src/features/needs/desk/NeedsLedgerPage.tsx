import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useNeedsPage } from '../needs.queries';
import { ledgerStages, stageOf } from '../needs.stages';
import { BulkActions } from './BulkActions';
import { ExportButton } from './ExportButton';
import { NeedFiltersBar } from './NeedFiltersBar';
import { NeedTable } from './NeedTable';
import { useNeedQuery } from './use-need-query';
import './needs-desk.css';

/** 需求台账: every need in my subtree, filtered and paged on the server, with bulk handling. */
export function NeedsLedgerPage() {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { query, filters, setFilters, setStatus, setPage } = useNeedQuery();
  const result = useNeedsPage({ ...query, view: 'all' });
  // picked rows belong to the filters they were picked under (across their pages), not to the next search
  const filterKey = JSON.stringify(filters);
  const [picked, setPicked] = useState<{ filterKey: string; ids: string[] }>({ filterKey, ids: [] });
  const selected = picked.filterKey === filterKey ? picked.ids : [];
  const setSelected = (ids: string[]) => setPicked({ filterKey, ids });
  const stage = stageOf(ledgerStages, query.status);

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
      <Card className="lx-filters-card">
        <NeedFiltersBar value={filters} onSearch={setFilters} />
      </Card>
      {result.isError && <Alert type="error" showIcon message={result.error.message} className="lx-page-alert" />}
      <Card>
        <div className="lx-ledger-toolbar">
          <Segmented
            value={stage ?? 'custom'}
            onChange={(key) => setStatus(ledgerStages.find((s) => s.key === key)?.status)}
            options={ledgerStages.map((s) => ({ value: s.key, label: t(`stage.${s.key}`) }))}
          />
          <BulkActions selected={selected} rows={result.data?.items ?? []} onClear={() => setSelected([])} />
        </div>
        <NeedTable
          rows={result.data?.items}
          fetching={result.isFetching}
          paging={{ page: query.page, pageSize: query.pageSize, total: result.data?.total, onChange: setPage }}
          selected={selected}
          onSelect={setSelected}
        />
      </Card>
    </>
  );
}

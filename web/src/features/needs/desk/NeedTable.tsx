import { Tag, Tooltip, type TableColumnType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useColumnSettings } from '../../../components/ColumnSettings';
import { ListTable, type TablePaging } from '../../../components/ListTable';
import { formatMinute } from '../../../lib/time';
import type { NeedSummary } from '../needs.api';
import { categoryLabel } from '../needs.format';
import { PlaceText } from '../PlaceText';
import { NeedStatusTag, SeverityTag } from './NeedStatusTag';
import { DeadlineText } from './DeadlineText';

type Column = TableColumnType<NeedSummary> & { key: string; title: ReactNode; width: number };

type Props = {
  /** The rows answering the filters on screen; undefined until they come. */
  rows: NeedSummary[] | undefined;
  fetching: boolean;
  paging: TablePaging;
  selected: string[];
  onSelect: (ids: string[]) => void;
  columns: Column[];
  /** Nearest deadline first (the 办理期限 header's sort), or not. */
  byDeadline: boolean;
  onSortByDeadline: (on: boolean) => void;
};

/**
 * The ledger's columns, every one with its width (so the table is as wide as they add up to and
 * scrolls under the fixed number and 操作 instead of squeezing them), and which of them the user
 * chose to see (列设置, remembered).
 */
export function useNeedColumns() {
  const { t, i18n } = useTranslation('needs');
  const columns: Column[] = [
    {
      key: 'number',
      title: t('field.number'),
      dataIndex: 'number',
      width: 168,
      fixed: 'left',
      render: (number: string, n) => (
        <Link to={`/needs/${n.id}`} className="lx-mono" data-testid="need-link">
          {number}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('field.title'),
      dataIndex: 'title',
      width: 240,
      render: (title: string, n) => (
        <div className="lx-ledger-title">
          <div className="lx-ellipsis" title={title}>
            {title}
            {n.duplicateCount > 0 && (
              <Tooltip title={t('duplicateHint', { count: n.duplicateCount })}>
                <Tag color="orange" bordered={false} className="lx-inline-tag">
                  {t('duplicate')}
                </Tag>
              </Tooltip>
            )}
            {n.rulingPending && (
              <Tag color="purple" bordered={false} className="lx-inline-tag">
                {t('rulingPending')}
              </Tag>
            )}
          </div>
          <div className="lx-muted lx-ellipsis">
            {t(`kind.${n.kind}`)} · {categoryLabel(n, i18n.language)} · {t(`channel.${n.channel}`)}
          </div>
        </div>
      ),
    },
    {
      key: 'status',
      title: t('field.status'),
      dataIndex: 'status',
      width: 128,
      render: (_v, n) => (
        <span>
          <NeedStatusTag need={n} />
          {n.severity !== 'general' && <SeverityTag severity={n.severity} />}
        </span>
      ),
    },
    // the deadline beside the state: what is due or overdue reads first, not after a scroll
    { key: 'deadlineAt', title: t('field.deadlineAt'), dataIndex: 'deadlineAt', width: 150, render: (_v: string | null, n) => <DeadlineText need={n} /> },
    {
      key: 'place',
      title: t('field.place'),
      dataIndex: 'place',
      width: 290,
      render: (_v, n) => (
        <div className="lx-place" data-testid="need-place">
          <div>
            <PlaceText need={n} />
          </div>
          {n.address && (
            <div className="lx-muted lx-ellipsis" title={n.address}>
              {n.address}
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'requester',
      title: t('field.requester'),
      width: 116,
      render: (_v, n) => (
        <span>
          {n.requesterName}
          {n.requesterPhone && <div className="lx-muted lx-mono">{n.requesterPhone}</div>}
        </span>
      ),
    },
    { key: 'teamName', title: t('field.team'), dataIndex: 'teamName', width: 150, ellipsis: true, render: (v: string | null) => v ?? t('common:empty') },
    { key: 'createdAt', title: t('field.createdAt'), dataIndex: 'createdAt', width: 136, render: (v: string) => formatMinute(v) },
    { key: 'actions', title: t('common:actions'), fixed: 'right', width: 64, render: (_v, n) => <Link to={`/needs/${n.id}`}>{t('handle')}</Link> },
  ];
  return useColumnSettings('needs-ledger', columns, ['number', 'actions']);
}

/** One page of the ledger (台账); rows can be picked for bulk accept / dispatch / pool. */
export function NeedTable({ rows, fetching, paging, selected, onSelect, columns, byDeadline, onSortByDeadline }: Props) {
  const sortable = columns.map((c) => (c.key === 'deadlineAt' ? { ...c, sorter: true, sortOrder: byDeadline ? ('ascend' as const) : null, sortDirections: ['ascend' as const] } : c));
  const onChange: TableProps<NeedSummary>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    onSortByDeadline(one?.columnKey === 'deadlineAt' && one.order === 'ascend');
  };
  return (
    <ListTable<NeedSummary>
      rowKey="id"
      size="small"
      data-testid="needs-table"
      rows={rows}
      fetching={fetching}
      paging={paging}
      columns={sortable}
      tableLayout="fixed"
      scroll={{ x: columns.reduce((sum, c) => sum + c.width, 48) }}
      onChange={onChange}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), preserveSelectedRowKeys: true, columnWidth: 40, fixed: 'left' }}
    />
  );
}

import { Tag, Tooltip, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListTable, type TablePaging } from '../../../components/ListTable';
import { formatMinute } from '../../../lib/time';
import type { NeedSummary } from '../needs.api';
import { categoryLabel } from '../needs.format';
import { NeedStatusTag, SeverityTag } from './NeedStatusTag';
import { DeadlineText } from './DeadlineText';

type Props = {
  /** The rows answering the filters on screen; undefined until they come. */
  rows: NeedSummary[] | undefined;
  fetching: boolean;
  paging: TablePaging;
  selected: string[];
  onSelect: (ids: string[]) => void;
};

/** One page of the ledger (台账), newest first; rows can be picked for bulk accept / dispatch / pool. */
export function NeedTable({ rows, fetching, paging, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation('needs');
  const columns: TableProps<NeedSummary>['columns'] = [
    {
      title: t('field.number'),
      dataIndex: 'number',
      width: 180,
      fixed: 'left',
      render: (number: string, n) => (
        <Link to={`/needs/${n.id}`} className="lx-mono" data-testid="need-link">
          {number}
        </Link>
      ),
    },
    {
      title: t('field.title'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <div className="lx-ledger-title">
          <div>
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
          <div className="lx-muted">
            {t(`kind.${n.kind}`)} · {categoryLabel(n, i18n.language)} · {t(`channel.${n.channel}`)}
          </div>
        </div>
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 150,
      render: (_v, n) => (
        <span>
          <NeedStatusTag need={n} />
          {n.severity !== 'general' && <SeverityTag severity={n.severity} />}
        </span>
      ),
    },
    // the deadline beside the state: what is due or overdue reads first, not after a scroll
    {
      title: t('field.deadlineAt'),
      dataIndex: 'deadlineAt',
      width: 140,
      render: (_v: string | null, n) => <DeadlineText need={n} />,
    },
    { title: t('field.region'), dataIndex: 'regionName', width: 100 },
    {
      title: t('field.requester'),
      key: 'requester',
      width: 120,
      render: (_v, n) => (
        <span>
          {n.requesterName}
          {n.requesterPhone && <div className="lx-muted lx-mono">{n.requesterPhone}</div>}
        </span>
      ),
    },
    { title: t('field.team'), dataIndex: 'teamName', width: 170, ellipsis: true, render: (v: string | null) => v ?? t('common:empty') },
    { title: t('field.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatMinute(v) },
    {
      title: t('common:actions'),
      key: 'actions',
      fixed: 'right',
      width: 70,
      render: (_v, n) => <Link to={`/needs/${n.id}`}>{t('handle')}</Link>,
    },
  ];

  return (
    <ListTable<NeedSummary>
      rowKey="id"
      size="middle"
      data-testid="needs-table"
      rows={rows}
      fetching={fetching}
      paging={paging}
      columns={columns}
      scroll={{ x: 1320 }}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), preserveSelectedRowKeys: true }}
    />
  );
}

import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureGroup, GroupBy } from './figures.api';
import { byNumber, groupLabel, hours, percent } from './figures.format';

/** Every group with its counts and rates; sortable by any figure, in ranking order at first. */
export function RankingTable({ groups, groupBy, loading }: { groups: FigureGroup[]; groupBy: GroupBy; loading: boolean }) {
  const { t } = useTranslation('figures');
  const num = (key: keyof FigureGroup) => (a: FigureGroup, b: FigureGroup) => byNumber(a[key] as number | null, b[key] as number | null);
  const columns: TableColumnsType<FigureGroup> = [
    { title: t('col.rank'), dataIndex: 'rank', width: 64, sorter: num('rank'), defaultSortOrder: 'ascend' },
    { title: t(`group.${groupBy}`), dataIndex: 'name', render: (_name: string | null, g) => groupLabel(g) ?? t(`none.${groupBy}`) },
    { title: t('col.received'), dataIndex: 'received', align: 'right', sorter: num('received') },
    { title: t('col.completed'), dataIndex: 'completed', align: 'right', sorter: num('completed') },
    { title: t('kpi.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', sorter: num('onTimeRate'), render: (r: number | null, g) => <span title={t('ofCount', { part: g.onTime, whole: g.withDeadline })}>{percent(r)}</span> },
    { title: t('kpi.satisfactionRate'), dataIndex: 'satisfactionRate', align: 'right', sorter: num('satisfactionRate'), render: (r: number | null, g) => <span title={t('ofCount', { part: g.satisfied, whole: g.rated })}>{percent(r)}</span> },
    { title: t('kpi.reopenRate'), dataIndex: 'reopenRate', align: 'right', sorter: num('reopenRate'), render: (r: number | null) => percent(r) },
    { title: t('col.responseMedian'), dataIndex: 'responseMedianHours', align: 'right', sorter: num('responseMedianHours'), render: (h: number | null) => hours(h) },
    { title: t('col.overdue'), dataIndex: 'overdue', align: 'right', sorter: num('overdue'), render: (n: number) => (n > 0 ? <span className="lx-figures-danger">{n}</span> : n) },
    { title: t('col.dueSoon'), dataIndex: 'dueSoon', align: 'right', sorter: num('dueSoon') },
  ];
  return (
    <Table<FigureGroup>
      size="small"
      rowKey={(g) => g.id ?? 'none'}
      columns={columns}
      dataSource={groups}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="figures-ranking"
    />
  );
}

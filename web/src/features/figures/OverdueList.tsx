import { useQuery } from '@tanstack/react-query';
import { Segmented, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListTable } from '../../components/ListTable';
import { formatMinute } from '../../lib/time';
import { figuresApi, type DueWindow, type OverdueNeed } from './figures.api';

/** Open needs past their deadline (red, most overdue first), or due within 24 hours; paged on the server. */
export function OverdueList({ regionId }: { regionId?: string }) {
  const { t } = useTranslation(['figures', 'needs']);
  const [due, setDue] = useState<DueWindow>('overdue');
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const query = { regionId, window: due, ...paging };
  const result = useQuery({ queryKey: ['figures', 'overdue', query], queryFn: ({ signal }) => figuresApi.overdue(query, signal) });

  const columns: TableColumnsType<OverdueNeed> = [
    { title: t('col.number'), dataIndex: 'number', width: 170, render: (n: string, row) => <Link to={`/needs/${row.id}`}>{n}</Link> },
    { title: t('col.title'), dataIndex: 'title', ellipsis: true },
    { title: t('col.status'), dataIndex: 'status', width: 90, render: (s: OverdueNeed['status']) => t(`needs:status.${s}`) },
    { title: t('col.severity'), dataIndex: 'severity', width: 80, render: (s: OverdueNeed['severity']) => t(`needs:severity.${s}`) },
    { title: t('col.place'), dataIndex: 'regionName', width: 140, ellipsis: true },
    { title: t('col.team'), dataIndex: 'teamName', width: 150, ellipsis: true, render: (n: string | null) => n ?? t('noTeam') },
    {
      title: t('col.deadline'),
      dataIndex: 'deadlineAt',
      width: 150,
      render: (iso: string) => <Typography.Text type={due === 'overdue' ? 'danger' : 'warning'} strong={due === 'overdue'}>{formatMinute(iso)}</Typography.Text>,
    },
    {
      title: due === 'overdue' ? t('col.overdueFor') : t('col.timeLeft'),
      dataIndex: 'hoursPast',
      width: 110,
      align: 'right',
      render: (h: number) => (due === 'overdue' ? <span className="lx-figures-danger">{t('hoursValue', { hours: h })}</span> : t('hoursValue', { hours: Math.abs(h) })),
    },
  ];

  return (
    <div data-testid="figures-overdue-list">
      <Segmented<DueWindow>
        className="lx-figures-window"
        value={due}
        onChange={(w) => {
          setDue(w);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'overdue', label: t('window.overdue') },
          { value: 'dueSoon', label: t('window.dueSoon') },
        ]}
      />
      <ListTable<OverdueNeed>
        size="small"
        rowKey="id"
        columns={columns}
        rows={result.data?.items}
        fetching={result.isFetching}
        paging={{ page: paging.page, pageSize: paging.pageSize, total: result.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
        emptyText={due === 'overdue' ? t('noOverdue') : t('noDueSoon')}
        data-testid="figures-overdue"
      />
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Segmented, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListTable } from '../../components/ListTable';
import { formatMinute } from '../../lib/time';
import type { TimeLeft } from '../needs/deadline';
import { PlaceText } from '../needs/PlaceText';
import { TimeLeftText } from '../needs/TimeLeftText';
import { figuresApi, type DueWindow, type OverdueNeed } from './figures.api';

/** Hours past a deadline (negative: left) as whole days and hours, rounded towards less time left. */
function leftOf(hoursPast: number): TimeLeft {
  const over = hoursPast > 0;
  const hours = over ? Math.ceil(hoursPast) : Math.floor(-hoursPast);
  return { over, days: Math.floor(hours / 24), hours: hours % 24 };
}

/** States a need reaches without a team: a volunteer took it from the grab pool (抢单). */
const fromPool = new Set<OverdueNeed['status']>(['pooled', 'claimed', 'in_service', 'completed']);

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
    { title: t('col.place'), dataIndex: 'place', width: 200, render: (_p: string[], row) => <PlaceText need={row} /> },
    // no team: not dispatched yet, or taken from the grab pool by a volunteer (未派单 said the latter wrong)
    { title: t('col.team'), dataIndex: 'teamName', width: 130, ellipsis: true, render: (n: string | null, row) => n ?? (fromPool.has(row.status) ? t('fromPool') : t('noTeam')) },
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
      // in days and hours, as the ledger says it (8667.4 小时 was a year told in hours); from the
      // server's hours, as the export has them, not this computer's clock
      render: (h: number) => {
        const words = <TimeLeftText left={leftOf(h)} />;
        return due === 'overdue' ? <span className="lx-figures-danger">{words}</span> : words;
      },
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

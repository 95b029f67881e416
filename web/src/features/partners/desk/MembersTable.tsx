import { App, Button, Progress, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member } from '../partners.api';
import { useRemind } from '../partners.queries';
import { HoursText } from '../../../components/HoursText';
import { formatHours } from '../../../lib/hours';

type Props = { members: Member[] | undefined; minimumHours: number; loading?: boolean; showUnit?: boolean; canRemind: boolean; testId?: string };

/** In-service party members with their verified hours this year against the minimum; staff remind those behind (once a day each). */
export function MembersTable({ members, minimumHours, loading, showUnit, canRemind, testId }: Props) {
  const { t } = useTranslation('partners');
  const { message } = App.useApp();
  const remind = useRemind();
  const columns = [
    { title: t('member.name'), dataIndex: 'name', key: 'name', width: 120 },
    { title: t('member.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
    { title: t('member.community'), dataIndex: 'communityName', key: 'community', width: 140 },
    ...(showUnit ? [{ title: t('member.unit'), key: 'unit', render: (_: unknown, m: Member) => m.workUnit ?? '' }] : []),
    {
      title: t('member.hours'),
      key: 'hours',
      width: 220,
      render: (_: unknown, m: Member) => (
        <Tooltip title={t('member.hoursOf', { hours: formatHours(m.hoursThisYear), minimum: minimumHours })}>
          <Progress percent={Math.min(100, Math.round((m.hoursThisYear / Math.max(minimumHours, 0.01)) * 100))} status={m.behind ? 'exception' : 'success'} format={() => <HoursText hours={m.hoursThisYear} />} size="small" />
        </Tooltip>
      ),
    },
    { title: t('member.state'), key: 'state', width: 100, render: (_: unknown, m: Member) => (m.behind ? <Tag color="warning">{t('member.behind')}</Tag> : <Tag color="success">{t('member.reached')}</Tag>) },
    ...(canRemind
      ? [
          {
            title: t('member.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, m: Member) =>
              m.behind &&
              (m.remindedToday ? (
                <span className="lx-muted">{t('member.remindedToday')}</span>
              ) : (
                <Button
                  size="small"
                  type="link"
                  loading={remind.isPending && remind.variables === m.accountId}
                  onClick={() => remind.mutate(m.accountId, { onSuccess: () => void message.success(t('member.reminded', { name: m.name })), onError: (e: Error) => void message.error(e.message) })}
                  data-testid="remind"
                >
                  {t('member.remind')}
                </Button>
              )),
          },
        ]
      : []),
  ];
  return <Table<Member> rowKey="accountId" size="middle" columns={columns} dataSource={members} loading={loading} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid={testId} />;
}

import { App, Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { activitiesApi, type Signup } from '../activities.api';
import { useActivityChange, useSignups } from '../activities.queries';

/** Sign-ups, the waitlist in order and the roll call (present / absent) of one activity. */
export function SignupsTable({ id, canRollCall }: { id: string; canRollCall: boolean }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const list = useSignups(id);
  const roll = useActivityChange((v: { accountId: string; present: boolean }) => activitiesApi.rollCall(id, [v]));
  const mark = (accountId: string, present: boolean) => roll.mutate({ accountId, present }, { onError: (e) => void message.error(e.message) });

  const columns = [
    { title: t('field.person'), key: 'name', render: (_: unknown, s: Signup) => `${s.name} ${s.phone}` },
    {
      title: t('field.signupStatus'),
      key: 'status',
      width: 150,
      render: (_: unknown, s: Signup) => (
        <Space size={0} wrap>
          <Tag bordered={false} color={s.status === 'signed' ? 'blue' : s.status === 'waitlisted' ? 'orange' : 'default'}>
            {s.status === 'waitlisted' ? t('signup.waitlistedAt', { position: s.position }) : t(`signup.${s.status}`)}
          </Tag>
          {s.lateCancel && <Tag color="red">{t('signup.late')}</Tag>}
          {s.noShow && <Tag color="red">{t('signup.noShow')}</Tag>}
        </Space>
      ),
    },
    { title: t('field.checkedIn'), key: 'in', width: 170, render: (_: unknown, s: Signup) => (s.checkedInAt ? `${formatMinute(s.checkedInAt)} ${t(`via.${s.checkInVia ?? 'qr'}`)}` : s.absent ? t('signup.absent') : '') },
    { title: t('field.checkedOut'), key: 'out', width: 170, render: (_: unknown, s: Signup) => (s.checkedOutAt ? `${formatMinute(s.checkedOutAt)} ${t(`via.${s.checkOutVia ?? 'qr'}`)}` : '') },
    {
      title: t('rollCall.title'),
      key: 'roll',
      width: 170,
      render: (_: unknown, s: Signup) =>
        canRollCall &&
        s.status === 'signed' && (
          <Space>
            <Button size="small" disabled={Boolean(s.checkedInAt)} onClick={() => mark(s.accountId, true)} data-testid="roll-present">
              {t('rollCall.present')}
            </Button>
            <Button size="small" disabled={Boolean(s.checkedInAt) || s.absent} onClick={() => mark(s.accountId, false)}>
              {t('rollCall.absent')}
            </Button>
          </Space>
        ),
    },
  ];
  return <Table<Signup> rowKey="accountId" size="small" loading={list.isFetching} columns={columns} dataSource={list.data?.items ?? []} pagination={false} data-testid="signups-table" />;
}

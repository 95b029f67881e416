import { Card, Descriptions, Empty, Rate, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { can, useMe } from '../../auth/session';
import { MaskedValue } from '../../../components/MaskedValue';
import { needsApi, type Assignment, type NeedDetail } from '../needs.api';

const staffParties = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin'];

/** Who asked: staff see the name; the phone stays masked until an audited reveal. */
export function RequesterCard({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const me = useMe();
  const staffHere = need.myRelations.some((r) => staffParties.includes(r));
  return (
    <Card title={t('detail.requester')} className="lx-detail-card" data-testid="need-requester">
      <Descriptions column={1} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('field.requesterName')}>{need.requesterName}</Descriptions.Item>
        <Descriptions.Item label={t('field.requesterPhone')}>
          <MaskedValue masked={need.requesterPhone} canReveal={staffHere && can(me, 'pii.revealPhone')} reveal={() => needsApi.revealPhone(need.id)} confirmTitle={t('common:reveal.title.phone')} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

const slotColor: Record<string, string> = { claimed: 'blue', serving: 'processing', done: 'success', released: 'default' };

/** The volunteers on the order, per round and slot, with check-in, close and their summary. */
export function AssignmentsCard({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  // fits the detail's main column at 1366 px without a scroll: round and slot, and the two times, share a cell
  const columns: TableProps<Assignment>['columns'] = [
    { title: t('assignment.slot'), key: 'slot', width: 92, render: (_v, a) => t('assignment.roundSlot', { round: a.round, slot: a.slotNo }) },
    { title: t('assignment.volunteer'), dataIndex: 'volunteerName', width: 96, ellipsis: true },
    { title: t('assignment.via'), dataIndex: 'via', width: 78, render: (v: string) => t(`via.${v}`, { defaultValue: v }) },
    { title: t('assignment.status'), dataIndex: 'status', width: 84, render: (s: string) => <Tag color={slotColor[s]}>{t(`slotStatus.${s}`, { defaultValue: s })}</Tag> },
    {
      title: t('assignment.times'),
      key: 'times',
      width: 196,
      render: (_v, a) => (
        <span className="lx-nowrap">
          {t('assignment.checkIn')} {formatMinute(a.checkInAt) || t('common:empty')}
          <br />
          {t('assignment.checkOut')} {formatMinute(a.checkOutAt) || t('common:empty')}
        </span>
      ),
    },
    { title: t('assignment.summary'), dataIndex: 'summary', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? t('common:empty') },
  ];
  return (
    <Card title={t('detail.assignments')} className="lx-detail-card">
      {need.assignments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAssignments')} />
      ) : (
        <Table<Assignment> rowKey={(a) => `${a.round}-${a.slotNo}`} size="small" pagination={false} columns={columns} dataSource={need.assignments} tableLayout="fixed" data-testid="need-assignments" />
      )}
    </Card>
  );
}

/** The requester's verdict (评单), once given. */
export function RatingCard({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  if (need.rating === null) return null;
  return (
    <Card title={t('detail.rating')} className="lx-detail-card" data-testid="need-rating">
      <Descriptions column={1} size="small" labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('field.rating')}>
          <Rate disabled value={need.rating} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.solved')}>{t(need.solved === false ? 'fact.unsolved' : 'fact.solved')}</Descriptions.Item>
        <Descriptions.Item label={t('field.comment')}>{need.ratingComment ?? t('common:empty')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

import { Card, Descriptions, Empty, Rate, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
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
  const columns: TableProps<Assignment>['columns'] = [
    { title: t('assignment.round'), dataIndex: 'round', width: 70 },
    { title: t('assignment.slot'), dataIndex: 'slotNo', width: 70 },
    { title: t('assignment.volunteer'), dataIndex: 'volunteerName', width: 110 },
    { title: t('assignment.via'), dataIndex: 'via', width: 90, render: (v: string) => t(`via.${v}`, { defaultValue: v }) },
    { title: t('assignment.status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={slotColor[s]}>{t(`slotStatus.${s}`, { defaultValue: s })}</Tag> },
    { title: t('assignment.checkIn'), dataIndex: 'checkInAt', width: 170, render: (v: string | null) => formatDateTime(v) || t('common:empty') },
    { title: t('assignment.checkOut'), dataIndex: 'checkOutAt', width: 170, render: (v: string | null) => formatDateTime(v) || t('common:empty') },
    { title: t('assignment.summary'), dataIndex: 'summary', ellipsis: true, render: (v: string | null) => v ?? t('common:empty') },
  ];
  return (
    <Card title={t('detail.assignments')} className="lx-detail-card">
      {need.assignments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noAssignments')} />
      ) : (
        <Table<Assignment> rowKey={(a) => `${a.round}-${a.slotNo}`} size="small" pagination={false} columns={columns} dataSource={need.assignments} scroll={{ x: 900 }} />
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

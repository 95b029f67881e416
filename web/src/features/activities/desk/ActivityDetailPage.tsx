import { App, Button, Card, Descriptions, Input, Modal, Result, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { PhotoUpload } from '../../needs/desk/PhotoUpload';
import { formatMinute } from '../../../lib/time';
import { activitiesApi, type ActivityPatch } from '../activities.api';
import { useCategoryName } from '../activities.format';
import { useActivity, useActivityChange } from '../activities.queries';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityStatusTag } from './ActivityStatusTag';
import { HoursQueue } from './HoursQueue';
import { SignupsTable } from './SignupsTable';

/** One activity in the back office: its facts, publish / edit / cancel, sign-ups and roll call, the hours queue, the record. */
export function ActivityDetailPage() {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const detail = useActivity(id);
  const categoryName = useCategoryName();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const publish = useActivityChange(() => activitiesApi.publish(id));
  const cancel = useActivityChange((r: string) => activitiesApi.cancel(id, r));
  const update = useActivityChange((body: ActivityPatch) => activitiesApi.update(id, body));
  const [photos, setPhotos] = useState<string[]>([]);
  const saveSummary = useActivityChange((text: string) => activitiesApi.saveSummary(id, text, photos));
  const failed = (e: Error) => void message.error(e.message);
  const a = detail.data;

  if (detail.isError) return <Result status="404" title={detail.error.message} />;
  if (!a) return <Skeleton active />;
  const open = a.status === 'draft' || a.status === 'published';

  return (
    <>
      <PageHeader
        title={
          <Space>
            {a.title} <ActivityStatusTag status={a.status} />
            {a.themed && <Tag color="red">{t('themed')}</Tag>}
          </Space>
        }
        extra={
          a.canManage && (
            <Space>
              {a.status === 'draft' && (
                <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate(undefined, { onError: failed })} data-testid="activity-publish">
                  {t('action.publish')}
                </Button>
              )}
              {open && <Button onClick={() => setEditing(true)}>{t('action.edit')}</Button>}
              {open && (
                <Button danger onClick={() => setCancelling(true)}>
                  {t('action.cancel')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <Card data-testid="activity-detail" data-activity-id={a.id}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('field.category')}>{categoryName(a.categoryCode)}</Descriptions.Item>
          <Descriptions.Item label={t('field.organiser')}>{a.organiser.name}</Descriptions.Item>
          <Descriptions.Item label={t('field.time')}>
            {formatMinute(a.startsAt)} – {formatMinute(a.endsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.place')}>
            {a.place}
            {a.radiusM && <span className="lx-muted"> {t('radiusShort', { radius: a.radiusM })}</span>}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.signed')}>
            {a.signedCount}/{a.capacity} {a.waitlistCount > 0 && t('waitlistShort', { count: a.waitlistCount })}
          </Descriptions.Item>
          {a.cancelReason && <Descriptions.Item label={t('field.cancelReason')}>{a.cancelReason}</Descriptions.Item>}
          <Descriptions.Item label={t('field.description')} span={2}>
            {a.description}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {a.canManage && (
        <Card style={{ marginTop: 16 }}>
          <Tabs
            items={[
              { key: 'signups', label: t('tab.signups'), children: <SignupsTable id={a.id} canRollCall={a.status === 'published' || a.status === 'finished'} /> },
              { key: 'hours', label: t('tab.hours'), children: <HoursQueue id={a.id} /> },
              {
                key: 'record',
                label: t('tab.record'),
                disabled: a.status !== 'finished',
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('record.placeholder')} value={summary ?? ''} onChange={(e) => setSummary(e.target.value)} />
                    <PhotoUpload onChange={setPhotos} />
                    <Space>
                      <Button type="primary" disabled={!summary?.trim()} loading={saveSummary.isPending} onClick={() => saveSummary.mutate(summary!.trim(), { onSuccess: () => void message.success(t('record.saved')), onError: failed })}>
                        {t('record.save')}
                      </Button>
                      <a href={`/activity-record/${a.id}`} target="_blank" rel="noreferrer">
                        {t('record.public')}
                      </a>
                    </Space>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {editing && (
        <ActivityFormModal
          activity={a}
          loading={update.isPending}
          onCancel={() => setEditing(false)}
          onCreate={() => undefined}
          onUpdate={(body) => update.mutate(body, { onSuccess: () => setEditing(false), onError: failed })}
        />
      )}
      <Modal open={cancelling} title={t('action.cancel')} okButtonProps={{ danger: true, disabled: !reason.trim(), loading: cancel.isPending }} onCancel={() => setCancelling(false)} onOk={() => cancel.mutate(reason.trim(), { onSuccess: () => setCancelling(false), onError: failed })}>
        <p>{t('cancelHint')}</p>
        <Input.TextArea maxLength={500} placeholder={t('field.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}

import { App, Button, Descriptions, Drawer, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { PhotoWall } from '../../needs/desk/PhotoWall';
import { conductApi, entryTitle, type Incident, type Outcome } from '../conduct.api';
import { useConductChange } from '../conduct.queries';
import { IncidentTags } from './StatusTags';

/** 处理申诉: upheld (the incident is annulled) or dismissed, with the reason the volunteer reads. */
function DecideModal({ outcome, loading, onCancel, onSubmit }: { outcome: Outcome; loading: boolean; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const { t } = useTranslation('conduct');
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal open title={t(`decide.${outcome}`)} okText={t('common:confirm')} okButtonProps={{ loading, danger: outcome === 'dismissed', 'data-testid': 'decide-ok' }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <p className="lx-modal-hint">{t(`decide.${outcome}Hint`)}</p>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, message: t('decide.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One incident for staff: what happened, the evidence, the appeal, and the decision when it is mine to take. */
export function IncidentDrawer({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t, i18n } = useTranslation('conduct');
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<Outcome | null>(null);
  const decide = useConductChange((v: { outcome: Outcome; reason: string }) => conductApi.decide(incident.id, v.outcome, v.reason));
  const submit = (reason: string) =>
    decide.mutate(
      { outcome: deciding!, reason },
      {
        onSuccess: () => {
          setDeciding(null);
          void message.success(t('decide.done'));
          onClose();
        },
        onError: (error: Error) => void message.error(error.message),
      },
    );
  return (
    <Drawer open onClose={onClose} width={560} title={`${incident.volunteerName} · ${entryTitle(incident, i18n.language)}`} data-testid="incident-drawer"
      extra={incident.canDecide && (
        <Space>
          <Button onClick={() => setDeciding('dismissed')} data-testid="decide-dismissed">{t('decide.dismissed')}</Button>
          <Button type="primary" onClick={() => setDeciding('upheld')} data-testid="decide-upheld">{t('decide.upheld')}</Button>
        </Space>
      )}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('field.status')}><IncidentTags incident={incident} /></Descriptions.Item>
        <Descriptions.Item label={t('field.volunteer')}>{`${incident.volunteerName} · ${incident.homeName}`}</Descriptions.Item>
        <Descriptions.Item label={t('field.what')}>{incident.what}</Descriptions.Item>
        <Descriptions.Item label={t('field.occurredAt')}>{formatMinute(incident.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('field.points')}>{incident.points}</Descriptions.Item>
        <Descriptions.Item label={t('field.recordedBy')}>{`${incident.recordedByName} · ${formatMinute(incident.recordedAt)}`}</Descriptions.Item>
      </Descriptions>
      {incident.photos.length > 0 && <PhotoWall ids={incident.photos} />}
      {incident.appeal && (
        <Descriptions style={{ marginTop: 16 }} title={t('appeal.title')} column={1} size="small" bordered>
          <Descriptions.Item label={t('field.statement')}>{incident.appeal.statement}</Descriptions.Item>
          <Descriptions.Item label={t('field.appealedAt')}>{formatMinute(incident.appeal.appealedAt)}</Descriptions.Item>
          {incident.outcome && <Descriptions.Item label={t('field.outcome')}>{t(`outcome.${incident.outcome}`)}</Descriptions.Item>}
          {incident.outcomeReason && <Descriptions.Item label={t('field.reason')}>{incident.outcomeReason}</Descriptions.Item>}
          {incident.decidedByName && <Descriptions.Item label={t('field.decidedBy')}>{`${incident.decidedByName} · ${formatMinute(incident.decidedAt)}`}</Descriptions.Item>}
        </Descriptions>
      )}
      {incident.appeal && incident.appeal.photos.length > 0 && <PhotoWall ids={incident.appeal.photos} />}
      {deciding && <DecideModal outcome={deciding} loading={decide.isPending} onCancel={() => setDeciding(null)} onSubmit={submit} />}
    </Drawer>
  );
}

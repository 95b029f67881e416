import { Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../lib/time';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { DeadlineChange } from './oversight.api';
import { useOversightActions } from './oversight.queries';

/** The level above approves or refuses a request; a refusal needs its reason. */
export function DecideModal({ change, verdict, onClose }: { change: DeadlineChange; verdict: 'approve' | 'refuse'; onClose: () => void }) {
  const { t } = useTranslation('oversight');
  const [form] = Form.useForm<{ note?: string }>();
  const { approve, refuse } = useOversightActions();
  const report = useApiErrorReporter();
  const pending = approve.isPending || refuse.isPending;

  const submit = async ({ note }: { note?: string }) => {
    try {
      if (verdict === 'approve') await approve.mutateAsync({ id: change.id, note: note?.trim() || undefined });
      else await refuse.mutateAsync({ id: change.id, note: note!.trim() });
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal
      open
      title={t(`decide.${verdict}.${change.kind}`)}
      okText={t(`decide.${verdict}.ok`)}
      okButtonProps={{ danger: verdict === 'refuse', loading: pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions size="small" column={1} className="lx-oversight-facts">
        <Descriptions.Item label={t('field.askedBy')}>{`${t(`common:roles.${change.requestedRole}`)} ${change.requestedByName ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('field.reason')}>{change.reason}</Descriptions.Item>
        <Descriptions.Item label={t('field.oldDeadline')}>{formatMinute(change.oldDeadline)}</Descriptions.Item>
        {change.kind === 'extension' && <Descriptions.Item label={t('field.newDeadline')}>{formatMinute(change.newDeadline)}</Descriptions.Item>}
        {change.kind === 'pause' && <Descriptions.Item label={t('field.resumeOn')}>{change.resumeOn ?? t('field.resumeOnOpen')}</Descriptions.Item>}
      </Descriptions>
      {verdict === 'approve' && change.kind === 'pause' && <p className="lx-modal-hint">{t('decide.approve.pauseHint')}</p>}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label={t(`decide.${verdict}.note`)} rules={verdict === 'refuse' ? [{ required: true, whitespace: true, message: t('decide.refuse.noteRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="decide-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

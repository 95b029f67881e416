import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The one moment a temporary password is visible: the server keeps only its hash. */
export function TemporaryPasswordModal({ name, password, onClose }: { name: string; password: string; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  return (
    <Modal open title={t('tempPassword.title', { name })} onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('tempPassword.done')}>
      <Alert type="warning" showIcon message={t('tempPassword.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('tempPassword.instructions')}</Typography.Paragraph>
      <Typography.Text copyable={{ text: password }} code className="lx-temp-password" data-testid="temporary-password">
        {password}
      </Typography.Text>
    </Modal>
  );
}

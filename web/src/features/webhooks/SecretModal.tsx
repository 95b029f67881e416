import { Alert, Button, Collapse, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifySample } from './verify-sample';

/** The secret, shown once (after creation or rotation), with how a receiver verifies a delivery. */
export function SecretModal({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal
      open
      width={640}
      title={t('secret.title')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-close">
          {t('secret.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('secret.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: secret, tooltips: [t('secret.copy'), t('secret.copied')] }} className="lx-webhook-secret" data-testid="webhook-secret">
        <code>{secret}</code>
      </Typography.Paragraph>
      <Collapse
        size="small"
        items={[
          {
            key: 'how',
            label: t('secret.howTitle'),
            children: (
              <>
                <ol className="lx-webhook-steps">
                  {(['how1', 'how2', 'how3', 'how4'] as const).map((k) => (
                    <li key={k}>{t(`secret.${k}`)}</li>
                  ))}
                </ol>
                <Typography.Text strong>{t('secret.sample')}</Typography.Text>
                <pre className="lx-webhook-code">{verifySample}</pre>
              </>
            ),
          },
        ]}
      />
    </Modal>
  );
}

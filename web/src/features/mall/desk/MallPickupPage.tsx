import { Alert, App, Button, Card, Descriptions, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { formatMinute } from '../../../lib/time';
import { mallApi, type Redemption } from '../mall.api';
import { useMallChange } from '../mall.queries';

/** 兑换核销: type (or scan with a code reader) the pickup code, see whose it is, hand it over once. */
export function MallPickupPage() {
  const { t } = useTranslation('mall');
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Redemption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = useMallChange((c: string) => mallApi.confirmPickup(c));
  const look = async (value = code) => {
    setError(null);
    setFound(null);
    // 查询 with nothing typed says what is missing, rather than nothing at all
    if (!value.trim()) return setError(t('pickup.codeRequired'));
    try {
      setFound(await mallApi.findPickup(value));
    } catch (e) {
      setError(errorText(e, t('common:errors.unknown')));
    }
  };
  return (
    <>
      <PageHeader title={t('menu.pickup')} description={t('menu.pickupHint')} />
      <Card>
        <Input.Search size="large" enterButton={t('pickup.find')} placeholder={t('pickup.codePlaceholder')} value={code} onChange={(e) => setCode(e.target.value)} onSearch={(v) => void look(v)} style={{ maxWidth: 480 }} autoFocus data-testid="desk-pickup-code" />
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon message={error} />}
        {found && (
          <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
            <Descriptions bordered column={1} size="small" data-testid="desk-pickup-found" data-status={found.status}>
              <Descriptions.Item label={t('field.item')}>
                {found.itemName} ×{found.quantity}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.person')}>{found.accountName}</Descriptions.Item>
              <Descriptions.Item label={t('field.points')}>{found.points}</Descriptions.Item>
              <Descriptions.Item label={t('field.redeemedAt')}>{formatMinute(found.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('field.state')}>
                <Tag>{t(`status.${found.status}`)}</Tag>
              </Descriptions.Item>
            </Descriptions>
            {found.canConfirm && (
              <Button
                type="primary"
                size="large"
                loading={confirm.isPending}
                data-testid="desk-pickup-confirm"
                onClick={() =>
                  confirm.mutate(found.code, {
                    onSuccess: (r) => {
                      setFound(r);
                      void message.success(t('pickup.done'));
                    },
                    onError: (e) => setError(errorText(e, t('common:errors.unknown'))),
                  })
                }
              >
                {t('pickup.confirm')}
              </Button>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}

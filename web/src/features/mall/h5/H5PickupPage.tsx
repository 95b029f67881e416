import { Button, ErrorBlock, Form, Input, List, NavBar, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBack } from '../../../lib/use-back';
import { mallApi, type Redemption } from '../mall.api';
import { useMallChange } from '../mall.queries';
import { RedemptionTag } from './MallBits';
import './mall-h5.css';

/** 核销 on the phone (a partner unit's contact, community staff): type or scan the pickup code, check it, hand over. */
export function H5PickupPage() {
  const { t } = useTranslation('mall');
  const back = useBack('/h5');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Redemption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = useMallChange((c: string) => mallApi.confirmPickup(c));
  const look = async () => {
    setError(null);
    setFound(null);
    try {
      setFound(await mallApi.findPickup(code));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="lx-h5-page" data-testid="h5-pickup">
      <NavBar onBack={back}>{t('menu.pickup')}</NavBar>
      <Form layout="vertical" footer={<Button block color="primary" size="large" onClick={() => void look()} disabled={!code.trim()} data-testid="pickup-find">{t('pickup.find')}</Button>}>
        <Form.Item label={t('pickup.code')}>
          <Input value={code} onChange={setCode} placeholder={t('pickup.codePlaceholder')} clearable autoFocus data-testid="pickup-code-input" onEnterPress={() => void look()} />
        </Form.Item>
      </Form>
      {error && <ErrorBlock status="default" title={error} description="" />}
      {found && (
        <>
          <List mode="card">
            <List.Item extra={<RedemptionTag status={found.status} />}>
              {found.itemName} ×{found.quantity}
            </List.Item>
            <List.Item extra={found.accountName}>{t('field.person')}</List.Item>
            <List.Item extra={t('price', { points: found.points })}>{t('field.points')}</List.Item>
          </List>
          {found.canConfirm && (
            <div className="lx-h5-mall-actions">
              <Button
                block
                color="success"
                size="large"
                loading={confirm.isPending}
                data-testid="pickup-confirm"
                onClick={() => confirm.mutate(found.code, { onSuccess: (r) => (setFound(r), Toast.show({ icon: 'success', content: t('pickup.done') })), onError: (e) => Toast.show({ icon: 'fail', content: e.message }) })}
              >
                {t('pickup.confirm')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, Toast } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { mallApi } from '../mall.api';
import { useMallChange, useRedemption } from '../mall.queries';
import { RedemptionTag } from './MallBits';
import './mall-h5.css';

/** A redemption of mine: the pickup code, large, and its QR for the provider to scan; cancel before pickup. */
export function H5RedemptionPage() {
  const { t } = useTranslation('mall');
  const { id = '' } = useParams();
  const back = useBack('/h5/mall/mine');
  const detail = useRedemption(id);
  const cancel = useMallChange(() => mallApi.cancel(id));
  const r = detail.data;
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (r?.code) void QRCode.toDataURL(r.code, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }).then((url) => live && setImage(url));
    return () => {
      live = false;
    };
  }, [r?.code]);
  const drop = () =>
    // the buttons say what they do: 取消 / 确定 under "取消这次兑换？" left an elderly volunteer guessing
    void Dialog.confirm({ content: t('h5.cancelConfirm'), confirmText: t('h5.cancelYes'), cancelText: t('h5.cancelNo') }).then(
      (ok) => ok && cancel.mutate(undefined, { onSuccess: () => Toast.show({ content: t('h5.cancelled') }), onError: (error) => Toast.show({ icon: 'fail', content: error.message }) }),
    );
  return (
    <div className="lx-h5-page" data-testid="h5-redemption" data-status={r?.status}>
      {/* 取货码 while there is a code to show; a redemption picked up, called off or expired has none */}
      <NavBar onBack={back}>{t(!r || r.status === 'pending' ? 'h5.pickupCode' : 'h5.redemption')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" />}
      {!r && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {r && (
        <>
          {r.status === 'pending' && (
            <div className="lx-h5-mall-code">
              {image ? <img src={image} alt={t('h5.pickupCode')} data-testid="pickup-qr" /> : <DotLoading color="primary" />}
              <span className="lx-h5-mall-code-text" data-testid="pickup-code">
                {r.code}
              </span>
              <span className="lx-muted">{t('h5.showCode', { until: formatMinute(r.expiresAt) })}</span>
            </div>
          )}
          <List mode="card">
            <List.Item extra={<RedemptionTag status={r.status} />}>
              {r.itemName} ×{r.quantity}
            </List.Item>
            <List.Item extra={t('price', { points: r.points })}>{t('field.points')}</List.Item>
            <List.Item extra={r.providerName}>{t('field.provider')}</List.Item>
            <List.Item description={r.pickupNotes || undefined} extra={r.pickupPlace}>
              {t('field.pickupPlace')}
            </List.Item>
            <List.Item extra={formatMinute(r.createdAt)}>{t('field.redeemedAt')}</List.Item>
            {r.settledAt && <List.Item extra={formatMinute(r.settledAt)}>{t(`settled.${r.status}`)}</List.Item>}
          </List>
          {r.canCancel && (
            <div className="lx-h5-mall-actions">
              <Button block color="danger" fill="outline" size="large" loading={cancel.isPending} onClick={drop} data-testid="redemption-cancel">
                {t('cancel')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

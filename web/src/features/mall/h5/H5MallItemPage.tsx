import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, Stepper, Tag, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { fileUrl, mallApi, newRequestKey } from '../mall.api';
import { useMallChange, useMallItem, useMyPoints } from '../mall.queries';
import './mall-h5.css';

/** An item on the phone: what, who offers it, where to pick it up; redeem a number of them with points. */
export function H5MallItemPage() {
  const { t } = useTranslation('mall');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const back = useBack('/h5/mall');
  const detail = useMallItem(id);
  const points = useMyPoints();
  const [quantity, setQuantity] = useState(1);
  // one key per intended redemption: a double tap or a retry after a lost answer is the same request
  const key = useRef(newRequestKey());
  const redeem = useMallChange(() => mallApi.redeem(id, quantity, key.current));
  const item = detail.data;
  const balance = points.data?.points ?? 0;
  const total = (item?.price ?? 0) * quantity;
  const max = Math.max(1, Math.min(item?.myLeft ?? 1, item?.stock ?? 1));
  const can = item && item.stock > 0 && item.myLeft > 0 && balance >= total;

  const go = () =>
    void Dialog.confirm({ content: t('h5.redeemConfirm', { name: item?.name, quantity, points: total }) }).then(
      (ok) =>
        ok &&
        redeem.mutate(undefined, {
          onSuccess: (r) => {
            key.current = newRequestKey();
            Toast.show({ icon: 'success', content: t('h5.redeemed') });
            navigate(`/h5/mall/redemptions/${r.id}`);
          },
          onError: (error) => Toast.show({ icon: 'fail', content: error.message }),
        }),
    );

  return (
    <div className="lx-h5-page" data-testid="h5-mall-item">
      <NavBar onBack={back}>{t('menu.mall')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" />}
      {!item && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {item && (
        <>
          {item.photos[0] && <img className="lx-h5-mall-photo" src={fileUrl(item.photos[0])} alt={item.name} />}
          <header className="lx-h5-need-hero">
            <Tag color="primary" fill="outline">
              {t(`category.${item.category}`)}
            </Tag>
            <h2>{item.name}</h2>
            <p>{item.providerName}</p>
          </header>
          <List mode="card">
            <List.Item extra={<span className="lx-h5-mall-price">{t('price', { points: item.price })}</span>}>{t('field.price')}</List.Item>
            <List.Item extra={item.stock}>{t('field.stock')}</List.Item>
            <List.Item extra={t('limitLeft', { limit: item.perPersonLimit, left: item.myLeft })}>{t('field.perPersonLimit')}</List.Item>
            <List.Item extra={`${item.validFrom} – ${item.validTo}`}>{t('field.validity')}</List.Item>
            <List.Item description={item.pickupNotes || undefined} extra={item.pickupPlace}>
              {t('field.pickupPlace')}
            </List.Item>
            {item.description && (
              <List.Item description={item.description} className="lx-h5-description">
                {t('field.description')}
              </List.Item>
            )}
            <List.Item extra={<span data-testid="mall-item-points">{balance}</span>}>{t('h5.myPoints')}</List.Item>
            <List.Item extra={<Stepper min={1} max={max} value={quantity} onChange={(v) => setQuantity(v || 1)} data-testid="mall-quantity" />}>{t('field.quantity')}</List.Item>
          </List>
          <div className="lx-h5-mall-actions">
            <Button block color="primary" size="large" disabled={!can} loading={redeem.isPending} onClick={go} data-testid="mall-redeem">
              {item.stock === 0 ? t('soldOut') : item.myLeft === 0 ? t('h5.limitReached') : balance < total ? t('h5.notEnough') : t('h5.redeem', { points: total })}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Logo } from '../../../components/Logo';
import { volunteersApi } from '../volunteers.api';

/** Anyone who scans a volunteer card lands here: whether it is a real card, and what the card itself shows. */
export function VerifyCardPage() {
  const { t } = useTranslation('volunteers');
  const { code = '' } = useParams();
  const check = useQuery({ queryKey: ['volunteer-card', code], queryFn: () => volunteersApi.verifyCard(code), retry: false });
  const card = check.data;
  return (
    <main className="lx-verify-page" data-testid="verify-card">
      <Card style={{ maxWidth: 480, margin: '24px auto' }} title={<Logo />}>
        {check.isPending && <Skeleton active />}
        {(check.isError || (card && !card.valid)) && <Result status="error" title={t('verify.invalid')} subTitle={t('verify.invalidHint')} />}
        {card?.valid && (
          <>
            <Result status={card.status === 'active' ? 'success' : 'warning'} title={t(card.status === 'active' ? 'verify.valid' : 'verify.notActive', { status: card.status ? t(`status.${card.status}`) : '' })} />
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('field.number')}>{card.number}</Descriptions.Item>
              <Descriptions.Item label={t('field.name')}>{card.name}</Descriptions.Item>
              <Descriptions.Item label={t('field.community')}>{card.communityName}</Descriptions.Item>
              <Descriptions.Item label={t('field.starLevel')}>{card.stars ? '★'.repeat(card.stars) : t('noStar')}</Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>
    </main>
  );
}

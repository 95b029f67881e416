import { Button, Dialog, ErrorBlock, NavBar, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/session';
import { H5TabBar } from '../../h5/H5TabBar';
import type { NeedSummary } from '../needs.api';
import { MobileNeedList } from './MobileNeedList';
import { useMobileAction } from './use-mobile-action';
import './needs-h5.css';

/** First come, first served: a lost race says "too slow" and the list refreshes itself. */
function GrabButton({ need }: { need: NeedSummary }) {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const { run, pending } = useMobileAction(need.id);
  const grab = async () => {
    if (!(await Dialog.confirm({ content: t('h5.grabConfirm', { title: need.title }) }))) return;
    if (await run('grab')) navigate(`/h5/needs/${need.id}`);
  };
  return (
    <Button block color="primary" loading={pending} onClick={() => void grab()} data-testid="grab">
      {t('h5.grab', { left: need.slots - need.filled })}
    </Button>
  );
}

/** 抢单大厅: open orders in the community I serve, oldest first. */
export function H5PoolPage() {
  const { t } = useTranslation('needs');
  const { account } = useMe();
  const volunteer = account.roles.includes('volunteer');
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-pool">
      <NavBar back={null}>{t('h5.poolTitle')}</NavBar>
      {volunteer ? (
        <>
          <NoticeBar content={t('h5.poolNotice')} color="default" wrap />
          <MobileNeedList view="pool" empty={<ErrorBlock status="empty" title={t('h5.poolEmpty')} description={t('h5.poolEmptyHint')} />} extra={(need) => <GrabButton need={need} />} />
        </>
      ) : (
        <ErrorBlock status="empty" title={t('h5.volunteersOnly')} description={t('h5.volunteersOnlyHint')} />
      )}
      <H5TabBar />
    </div>
  );
}

import { Button, DotLoading, List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDate } from '../../lib/time';
import { useLogout, useMe } from '../auth/session';
import { H5MyServiceCard } from '../volunteers/h5/H5MyServiceCard';
import { useServingVolunteer } from '../volunteers/h5/VolunteerFigures';
import { H5Preferences } from './H5Preferences';
import { H5RoleTags } from './H5RoleTags';
import { H5TabBar } from './H5TabBar';

/** How long 我的 waits for the service record before it shows without it (an answer takes ~0.1 s). */
const WAIT_AT_MOST_MS = 3_000;

/** Whether `ms` have passed since the component mounted. */
function useWaited(ms: number): boolean {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return waited;
}

/** 我的: a volunteer's hours, points and service record; profile, preferences (large text, language), password, logout. */
export function H5MePage() {
  const { t } = useTranslation(['h5', 'ledger']);
  const { account } = useMe();
  const navigate = useNavigate();
  const logout = useLogout('/h5/login');
  const { mine } = useServingVolunteer();
  const waited = useWaited(WAIT_AT_MOST_MS);

  // The service card's figures and record (up to six lines) push everything below them down when they
  // arrive: a tap meant for 我的存折 or 退出登录 landed on whatever moved there (CI's e2e caught the
  // passbook tap lost so). So the page shows once they are here, or once the phone has no connection to
  // ask (a paused query is not loading), or after WAIT_AT_MOST_MS: a hung answer must not keep 退出登录
  // and the preferences out of reach. The bottom bar stays meanwhile.
  if (mine.isLoading && !waited) {
    return (
      <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-me-loading">
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
        <H5TabBar />
      </div>
    );
  }
  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-me">
      <header className="lx-h5-hero lx-h5-hero-small">
        <h2>{account.name}</h2>
        <H5RoleTags roles={account.roles} />
      </header>
      <H5MyServiceCard />
      <List mode="card" header={t('me.profile')}>
        <List.Item extra={account.phone}>{t('common:field.phone')}</List.Item>
        <List.Item extra={account.regionName ?? t('common:empty')}>{t('home.community')}</List.Item>
        <List.Item extra={formatDate(account.createdAt)}>{t('me.since')}</List.Item>
      </List>
      <List mode="card">
        <List.Item onClick={() => navigate('/h5/volunteer')} data-testid="me-volunteer">
          {t(account.roles.includes('volunteer') ? 'me.volunteerCard' : 'me.volunteerApply')}
        </List.Item>
        {account.roles.includes('volunteer') && (
          <List.Item onClick={() => navigate('/h5/me/passbook')} data-testid="me-passbook">
            {t('ledger:h5.passbook.title')}
          </List.Item>
        )}
      </List>
      <H5Preferences />
      <List mode="card">
        <List.Item onClick={() => navigate('/h5/password')}>{t('common:session.changePassword')}</List.Item>
      </List>
      <div className="lx-h5-actions">
        <Button block color="danger" fill="outline" size="large" loading={logout.isPending} onClick={() => logout.mutate()}>
          {t('common:session.logout')}
        </Button>
      </div>
      <H5TabBar />
    </div>
  );
}

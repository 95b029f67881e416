import { Card, Grid, Tag } from 'antd-mobile';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { lazyPage } from '../../app/lazy';
import { forRoles, phoneLabelOf, phoneFrameNamespaces, phoneHomeCards, phoneServices } from '../../app/navigation';
import { CardLoading } from '../../components/CardLoading';
import { Logo } from '../../components/Logo';
import { NavIcon } from '../../components/NavIcon';
import { useMe } from '../auth/session';
import { H5RoleTags } from './H5RoleTags';
import { H5TabBar } from './H5TabBar';

/** The services of every feature (manifests' phoneServices); one without a page yet is marked as coming. */
function ServiceGrid({ volunteer, roles }: { volunteer: boolean; roles: readonly string[] }) {
  const { t } = useTranslation(phoneFrameNamespaces);
  const navigate = useNavigate();
  return (
    <Grid columns={4} gap={8}>
      {phoneServices
        .filter((s) => (!s.volunteer || volunteer) && forRoles(s, roles))
        .map((s) => (
          <Grid.Item key={s.key} className="lx-h5-service" onClick={s.path ? () => navigate(s.path!) : undefined} data-testid={`service-${s.key}`}>
            <span className="lx-h5-service-icon">
              <NavIcon entry={s} />
            </span>
            <span>{phoneLabelOf(t, s.namespace, s.label)}</span>
            {!s.path && (
              <Tag color="default" fill="outline">
                {t('h5:home.soon')}
              </Tag>
            )}
          </Grid.Item>
        ))}
    </Grid>
  );
}

/** The features' cards, each loaded (code and words) when it is first shown, never suspending once here. */
const homeCards = phoneHomeCards.map(({ component, namespaces, ...card }) => ({ ...card, Component: lazyPage(() => component().then((m) => m.default), namespaces) }));

/** The signed-in home of every role: who they are, their community, their work (the features' cards), the services. */
export function H5HomePage() {
  const { t } = useTranslation('h5');
  const { account } = useMe();
  const volunteer = account.roles.includes('volunteer');
  const cards = homeCards.filter((card) => forRoles(card, account.roles));
  // The cards mount once their code is here, after the page's first commit. Mounted with it, their
  // code (not loaded yet) made that commit one that "suspends in a retry", which React holds back up to
  // its fallback throttle (about half a second): the service tiles waited for nothing (bench:budgets,
  // the home's first load). Until then, and until each card has its data, a CardLoading marks the spot.
  const [cardsOn, setCardsOn] = useState(false);
  useEffect(() => {
    let live = true;
    void Promise.all(cards.map((card) => card.Component.preload())).then(() => live && setCardsOn(true));
    return () => void (live = false);
    // the roles a session holds do not change while its home is on screen
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-home">
      <header className="lx-h5-hero">
        <div className="lx-h5-hero-brand">
          <Logo size={28} />
          <span>{t('common:app.title')}</span>
        </div>
        <h2>{t('home.greeting', { name: account.name })}</h2>
        <p>{t('home.communityLine', { name: account.regionName ?? t('common:empty') })}</p>
        <H5RoleTags roles={account.roles} />
      </header>
      {!cardsOn && <CardLoading testId="h5-home-cards-loading" />}
      {cardsOn &&
        cards.map(({ key, Component }) => (
          <Suspense key={key} fallback={null}>
            <Component />
          </Suspense>
        ))}
      <Card title={t('home.services')} className="lx-h5-card">
        <ServiceGrid volunteer={volunteer} roles={account.roles} />
      </Card>
      <Card title={t('home.chainTitle')} className="lx-h5-card">
        <p className="lx-h5-text">{t('home.chain')}</p>
      </Card>
      <H5TabBar />
    </div>
  );
}

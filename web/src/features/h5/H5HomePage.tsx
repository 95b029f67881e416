import { CalendarOutlined, FieldTimeOutlined, GiftOutlined, HeartOutlined } from '@ant-design/icons';
import { Card, Grid, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../components/Logo';
import { useMe } from '../auth/session';
import { H5RoleTags } from './H5RoleTags';
import { H5TabBar } from './H5TabBar';

// Services of the coming modules (SPEC §3, §6, §7); shown so residents know what the app is for,
// and marked as not yet open rather than linking to empty pages.
const services = [
  { key: 'needs', icon: <HeartOutlined /> },
  { key: 'activities', icon: <CalendarOutlined /> },
  { key: 'timeBank', icon: <FieldTimeOutlined /> },
  { key: 'mall', icon: <GiftOutlined /> },
];

/** The signed-in resident's or volunteer's home: who they are, their community, the services. */
export function H5HomePage() {
  const { t } = useTranslation();
  const { account } = useMe();

  return (
    <div className="lx-h5-page lx-h5-with-tabbar" data-testid="h5-home">
      <header className="lx-h5-hero">
        <div className="lx-h5-hero-brand">
          <Logo size={28} />
          <span>{t('app.title')}</span>
        </div>
        <h2>{t('h5.home.greeting', { name: account.name })}</h2>
        <p>{t('h5.home.communityLine', { name: account.regionName ?? t('common.empty') })}</p>
        <H5RoleTags roles={account.roles} />
      </header>
      <Card title={t('h5.home.services')} className="lx-h5-card">
        <Grid columns={4} gap={8}>
          {services.map((s) => (
            <Grid.Item key={s.key} className="lx-h5-service">
              <span className="lx-h5-service-icon">{s.icon}</span>
              <span>{t(`h5.services.${s.key}`)}</span>
              <Tag color="default" fill="outline">
                {t('h5.home.soon')}
              </Tag>
            </Grid.Item>
          ))}
        </Grid>
      </Card>
      <Card title={t('h5.home.chainTitle')} className="lx-h5-card">
        <p className="lx-h5-text">{t('h5.home.chain')}</p>
      </Card>
      <H5TabBar />
    </div>
  );
}

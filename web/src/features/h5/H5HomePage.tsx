import { CalendarOutlined, FieldTimeOutlined, FileTextOutlined, GiftOutlined, HeartOutlined, ThunderboltOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Grid, NoticeBar, Tag } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Logo } from '../../components/Logo';
import { useMe } from '../auth/session';
import { H5RoleTags } from './H5RoleTags';
import { H5TabBar } from './H5TabBar';

type Service = { key: string; icon: ReactNode; path?: string; volunteer?: boolean };

// The order chain is open; the services of the coming modules (SPEC §6, §7) are shown so residents
// know what the app is for, and marked as not yet open rather than linking to empty pages.
const services: Service[] = [
  { key: 'needs', icon: <HeartOutlined />, path: '/h5/needs/new' },
  { key: 'myNeeds', icon: <FileTextOutlined />, path: '/h5/needs' },
  { key: 'pool', icon: <ThunderboltOutlined />, path: '/h5/pool', volunteer: true },
  { key: 'tasks', icon: <ToolOutlined />, path: '/h5/tasks', volunteer: true },
  { key: 'activities', icon: <CalendarOutlined /> },
  { key: 'timeBank', icon: <FieldTimeOutlined /> },
  { key: 'mall', icon: <GiftOutlined /> },
];

/** The signed-in resident's or volunteer's home: who they are, their community, the services. */
export function H5HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account } = useMe();
  const volunteer = account.roles.includes('volunteer');

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
      {account.roles.includes('teamLeader') && <NoticeBar className="lx-h5-card" content={t('h5.home.leaderHint')} color="default" wrap />}
      <Card title={t('h5.home.services')} className="lx-h5-card">
        <Grid columns={4} gap={8}>
          {services
            .filter((s) => !s.volunteer || volunteer)
            .map((s) => (
              <Grid.Item key={s.key} className="lx-h5-service" onClick={s.path ? () => navigate(s.path!) : undefined} data-testid={`service-${s.key}`}>
                <span className="lx-h5-service-icon">{s.icon}</span>
                <span>{t(`h5.services.${s.key}`)}</span>
                {!s.path && (
                  <Tag color="default" fill="outline">
                    {t('h5.home.soon')}
                  </Tag>
                )}
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

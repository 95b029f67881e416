import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, ConfigProvider, Skeleton, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { dashboardApi } from './dashboard.api';
import { CategoriesPanel, GridMapPanel, TrendPanel } from './ScreenCharts';
import { ScreenCards } from './ScreenCards';
import { TeamRanking, VolunteerRanking } from './ScreenRankings';
import './big-screen.css';

/** A wall screen is left open all day: the figures follow the district within a minute. */
const REFRESH_MS = 60_000;

/** Whether the screen fills the monitor (the Fullscreen API), kept in step with Esc and the browser's own exit. */
function useFullscreen(target: React.RefObject<HTMLElement | null>) {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const changed = () => setOn(document.fullscreenElement === target.current && target.current !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, [target]);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void target.current?.requestFullscreen?.();
  };
  return { on, toggle };
}

/** 数据大屏: this year's totals, the last 12 months, the categories, the grid map and the month's rankings. */
export function BigScreenPage() {
  const { t, i18n } = useTranslation('dashboard');
  const [params, setParams] = useSearchParams();
  // the URL holds the area, so a wall screen can be opened straight on a street
  const regionId = params.get('regionId') ?? undefined;
  const screen = useQuery({
    queryKey: ['dashboard', regionId ?? null],
    queryFn: ({ signal }) => dashboardApi.screen(regionId ? { regionId } : {}, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: true,
  });
  const box = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(box);
  const data = screen.data;
  const pick = (id: string | undefined) => setParams(id ? { regionId: id } : {});
  const updated = screen.dataUpdatedAt ? new Date(screen.dataUpdatedAt).toLocaleTimeString(i18n.language, { hour12: false }) : '';

  return (
    // drop-downs open inside the screen: in full screen, the page's body (their default place) is not shown
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }} getPopupContainer={() => box.current ?? document.body}>
      <div ref={box} className={`lx-screen${fullscreen.on ? ' lx-screen-full' : ''}`} data-testid="big-screen">
        <header className="lx-screen-head">
          <h1>{t('title', { region: data?.regionName ?? '' })}</h1>
          <span className="lx-screen-updated">{data && t('updated', { time: updated })}</span>
          <div className="lx-screen-tools">
            <RegionTreeSelect value={regionId} onChange={pick} allowClear placeholder={t('region')} style={{ width: 220 }} />
            <Button icon={fullscreen.on ? <FullscreenExitOutlined /> : <FullscreenOutlined />} onClick={fullscreen.toggle} data-testid="screen-fullscreen">
              {fullscreen.on ? t('exitFullscreen') : t('fullscreen')}
            </Button>
          </div>
        </header>
        {screen.isError && !data && <Alert type="error" showIcon message={t('loadFailed')} />}
        {!data ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <>
            <ScreenCards totals={data.totals} />
            <div className="lx-screen-body">
              <TrendPanel trend={data.trend} />
              <CategoriesPanel categories={data.categories} />
              <GridMapPanel grids={data.grids} />
              <div className="lx-screen-rankings">
                <TeamRanking teams={data.teams} />
                <VolunteerRanking volunteers={data.volunteers} />
              </div>
            </div>
          </>
        )}
      </div>
    </ConfigProvider>
  );
}

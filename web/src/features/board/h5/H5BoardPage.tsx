import { useQuery } from '@tanstack/react-query';
import { DotLoading, ErrorBlock, List, NavBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Logo } from '../../../components/Logo';
import { useBack } from '../../../lib/use-back';
import { H5QuickToggles } from '../../h5/H5QuickToggles';
import { regionsApi } from '../../regions/regions.api';
import { regionKeys } from '../../regions/regions.queries';
import { boardSections } from '../board.api';
import { BoardFigures } from './BoardFigures';
import { BoardHonours } from './BoardHonours';
import { BoardNeeds } from './BoardNeeds';
import { MonthPicker, recentMonths } from './MonthPicker';
import { PlacePicker } from './PlacePicker';
import './board.css';

const tabs = [...boardSections, 'figures', 'honours'] as const;
type Tab = (typeof tabs)[number];

/** /h5/board: the district's board — straight to it when the platform runs one district, else a choice. */
function DistrictChoice() {
  const { t } = useTranslation('board');
  const navigate = useNavigate();
  const roots = useQuery({ queryKey: regionKeys.publicChildren(undefined), queryFn: () => regionsApi.publicChildren(), staleTime: 10 * 60_000 });
  if (roots.isPending) return <div className="lx-board-loading"><DotLoading /></div>;
  if (roots.isError || roots.data.length === 0) return <ErrorBlock status="default" title={t('failed')} description="" />;
  if (roots.data.length === 1) return <Navigate to={`/h5/board/${roots.data[0]!.id}`} replace />;
  return (
    <List header={t('chooseDistrict')}>
      {roots.data.map((d) => (
        <List.Item key={d.id} onClick={() => navigate(`/h5/board/${d.id}`)}>
          {d.name}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * 社区公示栏 — open to everyone, signed in or not: the wish wall, what is being handled and what was
 * done (anonymised by the server: only what the requester consented to), each community's figures of
 * a month and the honour roll. The tab, place and month stay in the address, so a link shows the same.
 */
export function H5BoardPage() {
  const { t } = useTranslation('board');
  const back = useBack('/h5');
  const { districtId } = useParams();
  const [search, setSearch] = useSearchParams();
  const tab = (tabs as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'wishes';
  const regionId = search.get('region') ?? undefined;
  const month = search.get('month') ?? recentMonths()[1]!;
  const roots = useQuery({ queryKey: regionKeys.publicChildren(undefined), queryFn: () => regionsApi.publicChildren(), staleTime: 10 * 60_000, enabled: Boolean(districtId) });
  const district = roots.data?.find((d) => d.id === districtId);
  const [placeLabel, setPlaceLabel] = useState('');
  useEffect(() => {
    if (district && !regionId) setPlaceLabel(t('wholeDistrict', { name: district.name }));
  }, [district, regionId, t]);
  const set = (patch: Record<string, string | undefined>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
      return next;
    }, { replace: true });

  return (
    <div className="lx-board-page" data-testid="board-page">
      <NavBar onBack={back} backArrow>
        {t('title')}
      </NavBar>
      {/* 大字 and 中/EN for a reader who has not signed in (their choice is kept on this phone) */}
      <H5QuickToggles />
      {!districtId && <DistrictChoice />}
      {districtId && roots.isPending && <div className="lx-board-loading"><DotLoading /></div>}
      {districtId && roots.data && !district && <ErrorBlock status="empty" title={t('notFound')} description="" />}
      {district && (
        <>
          <header className="lx-board-head">
            <Logo size={28} />
            <div>
              <h1 className="lx-board-district">{district.name}</h1>
              <p className="lx-board-intro">{t('intro')}</p>
            </div>
          </header>
          <div className="lx-board-filters">
            <PlacePicker districtId={district.id} districtName={district.name} value={regionId} label={placeLabel || t('wholeDistrict', { name: district.name })} onChange={(id, label) => { setPlaceLabel(label); set({ region: id }); }} />
            {(tab === 'figures' || tab === 'honours') && <MonthPicker value={month} onChange={(m) => set({ month: m })} />}
          </div>
          {/* five words that wrap onto a second row in large text, rather than a strip that scrolls sideways */}
          <div className="lx-board-tabs" role="tablist" aria-label={t('title')}>
            {tabs.map((k) => (
              <button key={k} type="button" role="tab" id={`board-tab-${k}`} aria-selected={tab === k} aria-controls="board-panel" className={`lx-board-tab${tab === k ? ' is-active' : ''}`} onClick={() => set({ tab: k === 'wishes' ? undefined : k })}>
                {t(`tab.${k}`)}
              </button>
            ))}
          </div>
          <main className="lx-board-body" id="board-panel" role="tabpanel" aria-labelledby={`board-tab-${tab}`}>
            {tab === 'figures' ? (
              <BoardFigures districtId={district.id} regionId={regionId} month={month} />
            ) : tab === 'honours' ? (
              <BoardHonours districtId={district.id} regionId={regionId} month={month} />
            ) : (
              <BoardNeeds districtId={district.id} section={tab} regionId={regionId} />
            )}
          </main>
        </>
      )}
    </div>
  );
}

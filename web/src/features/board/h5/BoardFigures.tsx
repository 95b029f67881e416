import { useQuery } from '@tanstack/react-query';
import { DotLoading, ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { boardApi, boardKeys } from '../board.api';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** 每月通报 for everyone: the place's totals of the month, then each community's. */
export function BoardFigures({ districtId, regionId, month }: { districtId: string; regionId?: string; month: string }) {
  const { t } = useTranslation('board');
  const figures = useQuery({ queryKey: boardKeys.figures(districtId, regionId, month), queryFn: () => boardApi.figures(districtId, { regionId, month }), staleTime: 5 * 60_000 });
  if (figures.isPending) return <div className="lx-board-loading"><DotLoading /></div>;
  if (figures.isError) return <ErrorBlock status="default" title={t('failed')} description="" />;
  const f = figures.data;
  const cells = [
    { key: 'received', value: String(f.totals.received) },
    { key: 'completed', value: String(f.totals.completed) },
    { key: 'onTimeRate', value: percent(f.totals.onTimeRate) },
    { key: 'satisfactionRate', value: percent(f.totals.satisfactionRate) },
  ] as const;
  return (
    <div data-testid="board-figures">
      <div className="lx-board-totals">
        {cells.map((c) => (
          <div key={c.key} className="lx-board-total">
            <div className="lx-board-total-value">{c.value}</div>
            <div className="lx-board-total-label">{t(`figure.${c.key}`)}</div>
          </div>
        ))}
      </div>
      <p className="lx-board-hint">{t('figuresHint')}</p>
      {f.communities.length > 0 && (
        <div className="lx-board-table-wrap">
        <table className="lx-board-table">
          <caption className="lx-board-caption">{t('byCommunity', { place: f.regionName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figure.community')}</th>
              <th scope="col">{t('figure.received')}</th>
              <th scope="col">{t('figure.completed')}</th>
              <th scope="col">{t('figure.onTimeShort')}</th>
              <th scope="col">{t('figure.satisfactionShort')}</th>
            </tr>
          </thead>
          <tbody>
            {f.communities.map((c) => (
              <tr key={c.id} data-testid="board-community">
                <th scope="row">{c.name}</th>
                <td>{c.received}</td>
                <td>{c.completed}</td>
                <td>{percent(c.onTimeRate)}</td>
                <td>{percent(c.satisfactionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  );
}

import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock, Image, ImageViewer, InfiniteScroll, Rate, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatDate } from '../../../lib/time';
import { boardApi, boardKeys, type BoardNeed, type BoardSection, type BoardStage } from '../board.api';

const PAGE_SIZE = 20;

/** The colour of a stage's tag: waiting wishes stand out, results are green. */
const stageColor: Record<BoardStage, string> = { waiting: 'warning', dispatched: 'warning', serving: 'primary', coordinating: 'danger', done: 'success' };

function NeedItem({ districtId, need, section }: { districtId: string; need: BoardNeed; section: BoardSection }) {
  const { t, i18n } = useTranslation('board');
  const category = i18n.language.startsWith('en') ? (need.categoryNameEn ?? need.categoryName) : need.categoryName;
  const photos = need.photos.map((p) => boardApi.photoUrl(districtId, need.id, p));
  // the wish wall speaks of wishes: 待认领 · 已认领 · 已实现
  const stageWord = section === 'wishes' ? t(`wishStage.${need.stage}`) : t(`stage.${need.stage}`);
  return (
    <article className="lx-board-item" data-testid="board-item" data-number={need.number}>
      <div className="lx-board-item-head">
        <span className="lx-board-title">{need.title}</span>
        <Tag color={stageColor[need.stage]} fill="outline" className="lx-board-tag">
          {stageWord}
        </Tag>
      </div>
      <div className="lx-board-line">{[category, need.place.join(' › ')].filter(Boolean).join(' · ')}</div>
      {need.teamName && <div className="lx-board-line">{t('team', { name: need.teamName })}</div>}
      <div className="lx-board-line lx-board-dates">
        {need.acceptedAt && <span>{t('acceptedOn', { day: formatDate(need.acceptedAt) })}</span>}
        {need.completedAt && <span>{t('completedOn', { day: formatDate(need.completedAt) })}</span>}
        {need.onTime !== null && <span className={need.onTime ? 'is-on-time' : 'is-late'}>{t(need.onTime ? 'onTime' : 'late')}</span>}
      </div>
      {need.rating !== null && (
        <div className="lx-board-line">
          <span className="lx-board-label">{t('rating')}</span>
          <Rate readOnly value={need.rating} count={5} aria-label={t('ratingLabel', { n: need.rating })} />
        </div>
      )}
      {need.summary && <p className="lx-board-summary">{need.summary}</p>}
      {photos.length > 0 && (
        <div className="lx-board-photos">
          {photos.map((src, i) => (
            <button type="button" key={src} className="lx-board-photo" aria-label={t('photoOpen', { n: i + 1 })} onClick={() => ImageViewer.Multi.show({ images: photos, defaultIndex: i })}>
              <Image src={src} width={96} height={72} fit="cover" alt={t('photo')} lazy />
            </button>
          ))}
        </div>
      )}
      <div className="lx-board-number">{t('number', { number: need.number })}</div>
    </article>
  );
}

/** A section of the board, newest first, more as the reader scrolls. */
export function BoardNeeds({ districtId, section, regionId }: { districtId: string; section: BoardSection; regionId?: string }) {
  const { t } = useTranslation('board');
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: boardKeys.needs(districtId, section, regionId),
    queryFn: ({ pageParam }) => boardApi.needs(districtId, { section, regionId, page: pageParam, pageSize: PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.more ? last.page + 1 : undefined),
    staleTime: 60_000,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <div className="lx-board-loading"><DotLoading /></div>;
  if (list.isError) return <ErrorBlock status="default" title={t('failed')} description="" />;
  // a wish of one's own: the phone's form with 微心愿 chosen (signing in first when needed)
  const wish = section === 'wishes' && (
    <Button block color="primary" fill="outline" className="lx-board-wish" onClick={() => navigate('/h5/needs/new?kind=microWish')} data-testid="board-make-wish">
      {t('makeWish')}
    </Button>
  );
  if (items.length === 0)
    return (
      <>
        {wish}
        <ErrorBlock status="empty" title={t(`empty.${section}`)} description="" />
      </>
    );
  return (
    <div className="lx-board-list" data-testid={`board-${section}`}>
      {section === 'wishes' && <p className="lx-board-hint">{t('wishHint')}</p>}
      {wish}
      {items.map((n) => (
        <NeedItem key={n.id} districtId={districtId} need={n} section={section} />
      ))}
      <InfiniteScroll loadMore={async () => void (await list.fetchNextPage())} hasMore={list.hasNextPage} />
    </div>
  );
}

import { List, Rate } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { NeedDetail } from '../needs.api';
import { categoryLabel, formatWindow } from '../needs.format';
import { PlaceText } from '../PlaceText';
import { useAnswerLines } from '../questions';
import { BoardConsent } from './BoardConsent';
import { PhotoGrid } from './PhotoGrid';

/** A tel: link when the number is shown in full (the volunteer while serving), else the masked text. */
function Phone({ value }: { value: string | null }) {
  const { t } = useTranslation('needs');
  if (!value) return <>{t('common:empty')}</>;
  return value.includes('*') ? <>{value}</> : <a href={`tel:${value}`}>{value}</a>;
}

/**
 * A map search for the place, in whatever map app the phone opens for the link: a plain https URL
 * with the words of the place, no key and no script of the map's on our page.
 */
const mapSearchUrl = (words: string) => `https://uri.amap.com/search?keyword=${encodeURIComponent(words)}&src=lianxin&callnative=1`;

/** Where, told in full: every level below the district (街道 › 社区 › 网格 › 楼栋) and the address, with a map link. */
function Place({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const levels = need.place.length > 0 ? need.place : [need.regionName];
  return (
    <div className="lx-h5-place" data-testid="need-place">
      <div>
        <PlaceText need={need} />
      </div>
      {need.address && <div className="lx-h5-place-address">{need.address}</div>}
      <a className="lx-h5-map-link" href={mapSearchUrl([...levels, need.address ?? ''].join(''))} target="_blank" rel="noreferrer" data-testid="need-map-link">
        {t('h5.openMap')}
      </a>
    </div>
  );
}

/** What was asked and where; who serves it; the requester's verdict once given. */
export function DetailInfo({ need }: { need: NeedDetail }) {
  const { t, i18n } = useTranslation('needs');
  const answers = useAnswerLines(need);
  const serving = need.assignments.filter((a) => a.round === need.round && a.status !== 'released');
  const showRequester = !need.myRelations.includes('requester');
  return (
    <>
      <List mode="card" header={t('detail.info')}>
        <List.Item extra={categoryLabel(need, i18n.language)}>{t('field.category')}</List.Item>
        <List.Item extra={t(`kind.${need.kind}`)}>{t('field.kind')}</List.Item>
        <List.Item description={need.description} className="lx-h5-description">
          {t('field.description')}
        </List.Item>
        {answers.map((line) => (
          <List.Item key={line.key} extra={line.value}>
            {line.label}
          </List.Item>
        ))}
        {need.photos.length > 0 && (
          <List.Item>
            <PhotoGrid ids={need.photos} />
          </List.Item>
        )}
      </List>
      <List mode="card" header={t('h5.serviceHeader')}>
        <List.Item description={<Place need={need} />}>{t('field.place')}</List.Item>
        <List.Item extra={formatWindow(need.wantedFrom, need.wantedTo) || t('wantedAny')}>{t('field.wanted')}</List.Item>
        {need.teamName && <List.Item extra={need.teamName}>{t('field.team')}</List.Item>}
        {serving.length > 0 && <List.Item extra={serving.map((a) => a.volunteerName).join('、')}>{t('h5.volunteers')}</List.Item>}
        {showRequester && <List.Item extra={need.requesterName}>{t('field.requesterName')}</List.Item>}
        {showRequester && <List.Item extra={<Phone value={need.requesterPhone} />}>{t('field.requesterPhone')}</List.Item>}
      </List>
      <BoardConsent need={need} />
      {need.rating !== null && (
        <List mode="card" header={t('detail.rating')} data-testid="need-rating">
          <List.Item extra={<Rate readOnly value={need.rating} style={{ '--star-size': '18px' }} />}>{t('field.rating')}</List.Item>
          <List.Item extra={t(need.solved === false ? 'fact.unsolved' : 'fact.solved')}>{t('field.solved')}</List.Item>
          {need.ratingComment && <List.Item description={need.ratingComment}>{t('field.comment')}</List.Item>}
        </List>
      )}
    </>
  );
}

import { List, Rate } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { questionLabel, questionsFor } from '../categories';
import type { NeedDetail } from '../needs.api';
import { categoryLabel, formatWindow } from '../needs.format';
import { useCategories } from '../needs.queries';
import { PhotoGrid } from './PhotoGrid';

/** A tel: link when the number is shown in full (the volunteer while serving), else the masked text. */
function Phone({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <>{t('common.empty')}</>;
  return value.includes('*') ? <>{value}</> : <a href={`tel:${value}`}>{value}</a>;
}

/** What was asked and where; who serves it; the requester's verdict once given. */
export function DetailInfo({ need }: { need: NeedDetail }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const questions = questionsFor(categories.data ?? [], need.categoryId);
  // answers are labelled by the category's questions; until those arrive, keys would show instead
  const answers = categories.isSuccess ? Object.entries(need.answers) : [];
  const serving = need.assignments.filter((a) => a.round === need.round && a.status !== 'released');
  const showRequester = !need.myRelations.includes('requester');
  return (
    <>
      <List mode="card" header={t('needs.detail.info')}>
        <List.Item extra={categoryLabel(need, i18n.language)}>{t('needs.field.category')}</List.Item>
        <List.Item extra={t(`needs.kind.${need.kind}`)}>{t('needs.field.kind')}</List.Item>
        <List.Item description={need.description} className="lx-h5-description">
          {t('needs.field.description')}
        </List.Item>
        {answers.map(([key, value]) => (
          <List.Item key={key} extra={t(`needs.answer.${value}`, { defaultValue: value })}>
            {(() => {
              const q = questions.find((x) => x.key === key);
              return q ? questionLabel(q, i18n.language) : key;
            })()}
          </List.Item>
        ))}
        {need.photos.length > 0 && (
          <List.Item>
            <PhotoGrid ids={need.photos} />
          </List.Item>
        )}
      </List>
      <List mode="card" header={t('h5.needs.serviceHeader')}>
        <List.Item extra={[need.regionName, need.address].filter(Boolean).join(' ')}>{t('needs.field.place')}</List.Item>
        <List.Item extra={formatWindow(need.wantedFrom, need.wantedTo) || t('needs.wantedAny')}>{t('needs.field.wanted')}</List.Item>
        {need.teamName && <List.Item extra={need.teamName}>{t('needs.field.team')}</List.Item>}
        {serving.length > 0 && <List.Item extra={serving.map((a) => a.volunteerName).join('、')}>{t('h5.needs.volunteers')}</List.Item>}
        {showRequester && <List.Item extra={need.requesterName}>{t('needs.field.requesterName')}</List.Item>}
        {showRequester && <List.Item extra={<Phone value={need.requesterPhone} />}>{t('needs.field.requesterPhone')}</List.Item>}
      </List>
      {need.rating !== null && (
        <List mode="card" header={t('needs.detail.rating')} data-testid="need-rating">
          <List.Item extra={<Rate readOnly value={need.rating} style={{ '--star-size': '18px' }} />}>{t('needs.field.rating')}</List.Item>
          <List.Item extra={t(need.solved === false ? 'needs.fact.unsolved' : 'needs.fact.solved')}>{t('needs.field.solved')}</List.Item>
          {need.ratingComment && <List.Item description={need.ratingComment}>{t('needs.field.comment')}</List.Item>}
        </List>
      )}
    </>
  );
}

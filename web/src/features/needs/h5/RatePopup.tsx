import { Button, NoticeBar, Popup, Rate, Selector, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type RateValues = { rating: number; solved: boolean; comment?: string };
const stars = [1, 2, 3, 4, 5] as const;
type Props = { visible: boolean; loading: boolean; onClose: () => void; onSubmit: (values: RateValues) => void };

/** 评单: stars, solved or not, a comment. A low score or "not solved" sends the order back (重办). */
export function RatePopup({ visible, loading, onClose, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const [rating, setRating] = useState<(typeof stars)[number] | 0>(0);
  const [solved, setSolved] = useState(true);
  const [comment, setComment] = useState('');
  const redo = rating > 0 && (rating <= 2 || !solved);

  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="lx-h5-sheet" destroyOnClose>
      <h3 className="lx-h5-sheet-title">{t('h5.rateTitle')}</h3>
      <div className="lx-h5-rate" data-testid="rate-stars">
        <Rate value={rating} onChange={(value) => setRating(stars.find((s) => s === value) ?? 0)} style={{ '--star-size': '36px' }} />
        <span className="lx-h5-rate-label">{rating ? t(`h5.rateLabel.${rating}`) : t('h5.ratePick')}</span>
      </div>
      <Selector
        className="lx-h5-selector"
        columns={2}
        value={[solved ? 'yes' : 'no']}
        onChange={(v) => v[0] && setSolved(v[0] === 'yes')}
        options={[
          { value: 'yes', label: t('fact.solved') },
          { value: 'no', label: t('fact.unsolved') },
        ]}
      />
      {redo && <NoticeBar content={t('h5.rateRedo')} color="alert" wrap />}
      <TextArea className="lx-h5-sheet-text" placeholder={t('h5.rateComment')} maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 5 }} value={comment} onChange={setComment} />
      <Button block color="primary" size="large" disabled={rating === 0} loading={loading} onClick={() => onSubmit({ rating, solved, comment: comment.trim() || undefined })} data-testid="rate-submit">
        {t('h5.rateSubmit')}
      </Button>
    </Popup>
  );
}

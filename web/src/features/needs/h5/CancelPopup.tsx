import { Button, Popup, Selector, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const reasons = ['solved', 'noLonger', 'wrongInfo', 'other'] as const;

type Props = { visible: boolean; loading: boolean; onClose: () => void; onSubmit: (note: string) => void };

/** 撤销: the requester picks a reason (the community sees it on the timeline) and may add a word. */
export function CancelPopup({ visible, loading, onClose, onSubmit }: Props) {
  const { t } = useTranslation('needs');
  const [reason, setReason] = useState<(typeof reasons)[number]>();
  const [detail, setDetail] = useState('');
  const note = reason ? [t(`h5.cancelReason.${reason}`), detail.trim()].filter(Boolean).join('：') : '';

  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="lx-h5-sheet" destroyOnClose>
      <h3 className="lx-h5-sheet-title">{t('h5.cancelTitle')}</h3>
      <p className="lx-h5-sheet-hint">{t('h5.cancelHint')}</p>
      <Selector
        className="lx-h5-selector"
        columns={2}
        value={reason ? [reason] : []}
        onChange={(v) => setReason(v[0])}
        options={reasons.map((r) => ({ value: r, label: t(`h5.cancelReason.${r}`) }))}
      />
      <TextArea className="lx-h5-sheet-text" placeholder={t('h5.cancelDetail')} maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} value={detail} onChange={setDetail} />
      <Button block color="danger" size="large" disabled={!note} loading={loading} onClick={() => onSubmit(note)} data-testid="cancel-submit">
        {t('h5.cancelSubmit')}
      </Button>
    </Popup>
  );
}

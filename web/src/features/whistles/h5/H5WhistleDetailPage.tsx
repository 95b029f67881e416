import { Button, Dialog, DotLoading, ErrorBlock, List, NavBar, Popup, Tag, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { PhotoField, photoIds } from '../../needs/h5/PhotoField';
import { PhotoGrid } from '../../needs/h5/PhotoGrid';
import { nextStep, whistlesApi, type Whistle, type WhistleCall } from '../whistles.api';
import { useWhistle, useWhistleStep } from '../whistles.queries';
import './whistles-h5.css';

const callColor = { called: '#d46b08', reported: '#1d5fbf', done: '#389e0d' } as const;

type PartProps = { call: WhistleCall | null; loading: boolean; onSubmit: (text: string, photos: string[]) => void };

/** The sheet's form; made afresh each time the sheet opens (destroyOnClose). */
function PartForm({ call, loading, onSubmit }: PartProps) {
  const { t } = useTranslation('whistles');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <h3 className="lx-h5-sheet-title">{t('part.title', { unit: call?.name ?? '' })}</h3>
      <p className="lx-h5-sheet-hint">{t('part.hint')}</p>
      <TextArea className="lx-h5-sheet-text" placeholder={t('part.placeholder')} maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} value={text} onChange={setText} data-testid="part-text" />
      <PhotoField value={photos} onChange={setPhotos} onBusyChange={setBusy} />
      <Button block color="primary" size="large" disabled={!text.trim() || busy} loading={loading} onClick={() => onSubmit(text.trim(), photoIds(photos))} data-testid="part-submit">
        {t('action.part')}
      </Button>
    </>
  );
}

/** 记录办理情况: what the unit did, with photos from the phone. */
function PartPopup({ visible, onClose, ...form }: PartProps & { visible: boolean; onClose: () => void }) {
  return (
    <Popup visible={visible} onMaskClick={onClose} bodyClassName="lx-h5-sheet" destroyOnClose>
      <PartForm {...form} />
    </Popup>
  );
}

/** One called unit: where it stands, its part, and the next step when it is mine. */
function CallItem({ call, whistle, onReportIn, onPart, reporting }: { call: WhistleCall; whistle: Whistle; onReportIn: () => void; onPart: () => void; reporting: boolean }) {
  const { t } = useTranslation('whistles');
  const step = call.mine ? nextStep(call, whistle) : null;
  return (
    <List.Item>
      <div className="lx-h5-call" data-testid="h5-call" data-state={call.state} data-mine={call.mine}>
        <div className="lx-h5-call-head">
          <span>
            {call.name} <span className="lx-muted">{t(`kind.${call.kind}`)}</span>
          </span>
          <Tag color={callColor[call.state]} fill="outline">
            {t(`callState.${call.state}`)}
          </Tag>
        </div>
        {call.reportedAt && <span className="lx-muted">{t('reportedAt', { at: formatMinute(call.reportedAt) })}</span>}
        {call.part && <div className="lx-h5-call-part">{call.part}</div>}
        {call.photos.length > 0 && <PhotoGrid ids={call.photos} />}
        {step && (
          <div className="lx-h5-call-actions">
            {step === 'reportIn' ? (
              <Button color="primary" size="small" loading={reporting} onClick={onReportIn} data-testid="h5-report-in">
                {t('action.reportIn')}
              </Button>
            ) : (
              <Button color="primary" size="small" onClick={onPart} data-testid="h5-record-part">
                {t('action.part')}
              </Button>
            )}
          </div>
        )}
      </div>
    </List.Item>
  );
}

/** A whistle on the phone, for a called unit's contact: the item, my calls with 报到 and 记录办理情况, the others called with me. */
export function H5WhistleDetailPage() {
  const { t } = useTranslation('whistles');
  const { id = '' } = useParams();
  const back = useBack('/h5/whistles');
  const detail = useWhistle(id);
  const whistle = detail.data;
  // the call stays named while its sheet slides away
  const [writing, setWriting] = useState<WhistleCall | null>(null);
  const [sheet, setSheet] = useState(false);
  const reportIn = useWhistleStep(id, (callId: string) => whistlesApi.reportIn(callId));
  const part = useWhistleStep(id, (v: { callId: string; text: string; photos: string[] }) => whistlesApi.recordPart(v.callId, v.text, v.photos));
  const failed = (error: Error) => Toast.show({ icon: 'fail', content: error.message });
  const confirmReport = (call: WhistleCall) =>
    void Dialog.confirm({ content: t('h5.reportConfirm', { unit: call.name }) }).then(
      (ok) => ok && reportIn.mutate(call.id, { onSuccess: () => Toast.show({ icon: 'success', content: t('reportIn.done') }), onError: failed }),
    );

  return (
    <div className="lx-h5-page" data-testid="h5-whistle-detail" data-state={whistle?.state}>
      <NavBar onBack={back}>{t('menu.whistles')}</NavBar>
      {detail.isError && <ErrorBlock status="default" title={detail.error.message} description="" />}
      {!whistle && !detail.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {whistle && (
        <>
          <header className="lx-h5-need-hero">
            <Tag color="primary" fill="outline">
              {t(`state.${whistle.state}`)}
            </Tag>
            <h2>{whistle.need?.title}</h2>
            <p>{t(whistle.state === 'open' ? 'h5.openHint' : 'h5.closedHint', { street: whistle.street.name })}</p>
            <span className="lx-h5-need-number">{whistle.need?.number}</span>
          </header>
          {whistle.need && (
            <List mode="card" header={t('detail.item')}>
              <List.Item extra={[whistle.need.regionName, whistle.need.address].filter(Boolean).join(' ')}>{t('field.place')}</List.Item>
              <List.Item extra={formatMinute(whistle.need.deadlineAt) || t('common:empty')}>{t('field.deadline')}</List.Item>
              <List.Item description={whistle.need.description} className="lx-h5-description">
                {t('field.description')}
              </List.Item>
              {whistle.reason && <List.Item description={whistle.reason}>{t('field.reason')}</List.Item>}
              {whistle.summary && <List.Item description={whistle.summary}>{t('field.summary')}</List.Item>}
            </List>
          )}
          <List mode="card" header={t('detail.calls')}>
            {whistle.calls.map((call) => (
              <CallItem key={call.id} call={call} whistle={whistle} reporting={reportIn.isPending && reportIn.variables === call.id} onReportIn={() => confirmReport(call)} onPart={() => {
                  setWriting(call);
                  setSheet(true);
                }} />
            ))}
          </List>
          <PartPopup
            call={writing}
            visible={sheet}
            loading={part.isPending}
            onClose={() => setSheet(false)}
            onSubmit={(text, photos) =>
              part.mutate(
                { callId: writing!.id, text, photos },
                {
                  onSuccess: () => {
                    setSheet(false);
                    Toast.show({ icon: 'success', content: t('part.done') });
                  },
                  onError: failed,
                },
              )
            }
          />
        </>
      )}
    </div>
  );
}

import { Button, DotLoading, ErrorBlock, List, NavBar, Popup, Tag, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { PhotoField, photoIds } from '../../needs/h5/PhotoField';
import { PhotoGrid } from '../../needs/h5/PhotoGrid';
import { conductApi, entryTitle, type Fact, type Incident } from '../conduct.api';
import { useConductChange, useMyConduct } from '../conduct.queries';
import './conduct-h5.css';

const statusColor = { recorded: 'default', appealing: 'primary', annulled: 'success', confirmed: 'warning' } as const;

/** The appeal's form: a statement and photos; made afresh each time the sheet opens. */
function AppealForm({ incident, loading, onSubmit }: { incident: Incident; loading: boolean; onSubmit: (statement: string, photos: string[]) => void }) {
  const { t, i18n } = useTranslation('conduct');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <h3 className="lx-h5-sheet-title">{t('appeal.sheetTitle', { entry: entryTitle(incident, i18n.language) })}</h3>
      <p className="lx-h5-sheet-hint">{t('appeal.hint')}</p>
      <TextArea className="lx-h5-sheet-text" placeholder={t('appeal.placeholder')} maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} value={text} onChange={setText} data-testid="appeal-text" />
      <PhotoField value={photos} onChange={setPhotos} onBusyChange={setBusy} />
      <Button block color="primary" size="large" disabled={!text.trim() || busy} loading={loading} onClick={() => onSubmit(text.trim(), photoIds(photos))} data-testid="appeal-submit">
        {t('appeal.submit')}
      </Button>
    </>
  );
}

/** One incident: what, when, points, suspension, the appeal and its outcome; 申诉 while it may be appealed. */
function IncidentCard({ incident, onAppeal }: { incident: Incident; onAppeal: () => void }) {
  const { t, i18n } = useTranslation('conduct');
  return (
    <List.Item>
      <div className="lx-h5-conduct" data-testid="h5-incident" data-status={incident.status}>
        <div className="lx-h5-conduct-head">
          <span className="lx-h5-conduct-title">{entryTitle(incident, i18n.language)}</span>
          <Tag color={statusColor[incident.status]} fill="outline">
            {t(`status.${incident.status}`)}
          </Tag>
        </div>
        <div className="lx-h5-conduct-meta">
          {formatMinute(incident.occurredAt)} · {t('points', { points: incident.points })}
        </div>
        {incident.suspension === 'active' && <div className="lx-h5-conduct-suspended">{incident.suspendUntil ? t('suspension.until', { day: incident.suspendUntil }) : t('suspension.open')}</div>}
        <div className="lx-h5-conduct-what">{incident.what}</div>
        {incident.photos.length > 0 && <PhotoGrid ids={incident.photos} small />}
        {incident.appeal && <div className="lx-h5-conduct-appeal">{t('appeal.mine', { statement: incident.appeal.statement })}</div>}
        {incident.outcome && <div className="lx-h5-conduct-appeal">{t(`outcome.${incident.outcome}`)}{incident.outcomeReason ? `：${incident.outcomeReason}` : ''}</div>}
        {incident.canAppeal && (
          <Button size="small" color="primary" fill="outline" onClick={onAppeal} data-testid="h5-appeal">
            {t('appeal.button')}
          </Button>
        )}
      </div>
    </List.Item>
  );
}

/** 我的言行记录: incidents recorded against me (with the appeal) and the facts from activities. */
export function H5MyConductPage() {
  const { t } = useTranslation('conduct');
  const back = useBack('/h5/me');
  const mine = useMyConduct();
  const [appealing, setAppealing] = useState<Incident | null>(null);
  const [sheet, setSheet] = useState(false);
  const appeal = useConductChange((v: { id: string; statement: string; photos: string[] }) => conductApi.appeal(v.id, v.statement, v.photos));
  const submit = (statement: string, photos: string[]) =>
    appeal.mutate(
      { id: appealing!.id, statement, photos },
      {
        onSuccess: () => {
          setSheet(false);
          Toast.show({ icon: 'success', content: t('appeal.done') });
        },
        onError: (error: Error) => Toast.show({ icon: 'fail', content: error.message }),
      },
    );

  return (
    <div className="lx-h5-page" data-testid="h5-conduct">
      <NavBar onBack={back}>{t('menu.mine')}</NavBar>
      {mine.isError && <ErrorBlock status="default" title={mine.error.message} description="" />}
      {!mine.data && !mine.isError && (
        <div className="lx-h5-loading">
          <DotLoading color="primary" />
        </div>
      )}
      {mine.data && (
        <>
          <List mode="card" header={t('mine.incidents')}>
            {mine.data.incidents.length === 0 && <List.Item>{t('mine.clean')}</List.Item>}
            {mine.data.incidents.map((i) => (
              <IncidentCard key={i.id} incident={i} onAppeal={() => { setAppealing(i); setSheet(true); }} />
            ))}
          </List>
          {mine.data.facts.length > 0 && (
            <List mode="card" header={t('mine.facts')}>
              {mine.data.facts.map((f: Fact) => (
                <List.Item key={f.id} extra={formatMinute(f.occurredAt)}>
                  {t(`fact.${f.kind}`)}
                </List.Item>
              ))}
            </List>
          )}
          <Popup visible={sheet} onMaskClick={() => setSheet(false)} bodyClassName="lx-h5-sheet" destroyOnClose>
            {appealing && <AppealForm incident={appealing} loading={appeal.isPending} onSubmit={submit} />}
          </Popup>
        </>
      )}
    </div>
  );
}

import { Button, Input, NavBar, Result, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { activitiesApi } from '../activities.api';
import { useActivityChange } from '../activities.queries';
import { canScan, currentPosition, useQrScanner } from './scanner';
import './activities-h5.css';

type Done = { purpose: 'in' | 'out'; at: string; noLocation: boolean; activityId: string };

/**
 * 扫码签到: the volunteer scans the organiser's code (the camera, where the browser can read QR codes)
 * or types / pastes it; the code says which activity and whether it checks in or out. The phone's
 * position goes along when it is given.
 */
export function H5CheckInPage() {
  const { t } = useTranslation('activities');
  const navigate = useNavigate();
  const back = useBack('/h5/activities');
  const [text, setText] = useState('');
  const [done, setDone] = useState<Done | null>(null);
  const scan = useActivityChange(async (code: string) => {
    const position = await currentPosition();
    const reply = await activitiesApi.scan({ code, ...(position ?? {}) });
    return { ...reply, activityId: code.split('.')[1] ?? '' };
  });
  const submit = (code: string) =>
    scan.mutate(code.trim(), {
      onSuccess: (r) => setDone(r),
      onError: (e) => Toast.show({ icon: 'fail', content: e.message, duration: 3000 }),
    });
  const scanning = !done && canScan();
  const { video, failed } = useQrScanner(scanning, (code) => !scan.isPending && submit(code));

  return (
    <div className="lx-h5-page" data-testid="h5-check-in">
      <NavBar onBack={back}>{t('h5.scanTitle')}</NavBar>
      {done ? (
        <>
          <Result status="success" title={t(done.purpose === 'in' ? 'h5.checkedIn' : 'h5.checkedOut')} description={done.noLocation ? t('h5.noLocation') : undefined} data-testid="check-in-done" />
          <div className="lx-h5-activity-actions">
            <Button block color="primary" onClick={() => navigate(`/h5/activities/${done.activityId}`)}>
              {t('h5.backToActivity')}
            </Button>
          </div>
        </>
      ) : (
        <div className="lx-h5-activity-actions">
          {scanning && !failed && <video ref={video} className="lx-h5-scan-video" muted playsInline />}
          <p>{t(scanning && !failed ? 'h5.scanHint' : 'h5.typeHint')}</p>
          <Input placeholder={t('h5.codePlaceholder')} value={text} onChange={setText} clearable data-testid="check-in-code" />
          <Button block color="primary" size="large" disabled={!text.trim()} loading={scan.isPending} onClick={() => submit(text)} data-testid="check-in-submit">
            {t('h5.submitCode')}
          </Button>
        </div>
      )}
    </div>
  );
}

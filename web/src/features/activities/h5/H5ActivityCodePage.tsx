import { useQuery } from '@tanstack/react-query';
import { DotLoading, ErrorBlock, NavBar, Tabs } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useBack } from '../../../lib/use-back';
import { activitiesApi, type Purpose } from '../activities.api';
import { useActivity } from '../activities.queries';
import './activities-h5.css';

/**
 * The organiser's phone: the check-in (or check-out) QR code, signed by the server for a 30-second
 * slot and fetched again when the next slot is due, so a photo of it is useless half a minute later.
 */
export function H5ActivityCodePage() {
  const { t } = useTranslation('activities');
  const { id = '' } = useParams();
  const back = useBack(`/h5/activities/${id}`);
  const activity = useActivity(id);
  const [purpose, setPurpose] = useState<Purpose>('in');
  const code = useQuery({
    queryKey: ['activities', 'code', id, purpose],
    queryFn: () => activitiesApi.code(id, purpose),
    // the next code is due at the slot's end: fetch it then (a little after)
    refetchInterval: (q) => Math.max(1_000, (q.state.data?.refreshInMs ?? 30_000) + 300),
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
  const [image, setImage] = useState<string | null>(null);
  const text = code.data?.code;
  useEffect(() => {
    if (!text) return;
    let live = true;
    void QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, scale: 8 }).then((url) => live && setImage(url));
    return () => {
      live = false;
    };
  }, [text]);

  return (
    <div className="lx-h5-page" data-testid="h5-activity-code">
      <NavBar onBack={back}>{activity.data?.title ?? t('h5.showCode')}</NavBar>
      <Tabs activeKey={purpose} onChange={(k) => setPurpose(k as Purpose)}>
        <Tabs.Tab title={t('h5.codeIn')} key="in" />
        <Tabs.Tab title={t('h5.codeOut')} key="out" />
      </Tabs>
      {code.isError && <ErrorBlock status="default" title={code.error.message} description="" />}
      {!code.isError && (
        <div className="lx-h5-qr">
          {image && text ? <img src={image} alt={t('h5.codeAlt')} data-testid="activity-qr" data-code={text} /> : <DotLoading color="primary" />}
          <p>{t('h5.codeHint')}</p>
          {text && <span className="lx-h5-qr-code">{text}</span>}
        </div>
      )}
    </div>
  );
}

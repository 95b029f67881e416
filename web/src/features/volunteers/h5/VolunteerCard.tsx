import { ProgressBar } from 'antd-mobile';
import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/time';
import type { MyRegistration } from '../volunteers.api';
import { formatHours } from '../../../lib/hours';

type Card = NonNullable<MyRegistration['card']>;

/** The link a card's QR code carries: the public page that checks it (anyone can scan it). */
export const cardUrl = (code: string) => `${window.location.origin}/verify/card/${encodeURIComponent(code)}`;

/** The QR code drawn on a canvas by `qrcode` (as the phone's other codes are): antd's QRCode would bring the back office's kit to the phone. */
function QrCanvas({ value, size }: { value: string; size: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) void QRCode.toCanvas(canvas.current, value, { errorCorrectionLevel: 'M', margin: 0, width: size });
  }, [value, size]);
  return <canvas ref={canvas} width={size} height={size} />;
}

/** 志愿者证: number, name, community, stars and hours, with a QR code anyone can check. */
export function VolunteerCard({ card, nextStarAt }: { card: Card; nextStarAt: number | null }) {
  const { t } = useTranslation('volunteers');
  const toNext = nextStarAt === null ? null : Math.max(0, nextStarAt - card.verifiedHours);
  return (
    <section className="lx-volunteer-card" data-testid="volunteer-card" aria-label={t('h5.card')}>
      <div className="lx-volunteer-card-head">
        <span>{t('h5.cardTitle')}</span>
        <span className="lx-volunteer-card-stars" aria-label={t('starLevel', { count: card.stars })}>
          {card.stars > 0 ? '★'.repeat(card.stars) : t('noStar')}
        </span>
      </div>
      <div className="lx-volunteer-card-body">
        <div className="lx-volunteer-card-facts">
          <div className="lx-volunteer-card-name">{card.name}</div>
          <div>
            {t('field.number')} <strong className="lx-mono" data-testid="volunteer-number">{card.number}</strong>
          </div>
          <div>{card.communityName}</div>
          <div>{t('h5.since', { date: formatDate(card.since) })}</div>
        </div>
        <div className="lx-volunteer-card-qr" data-testid="volunteer-qr" data-code={card.verifyCode} role="img" aria-label={t('h5.qrLabel')}>
          {/* the drawing is named by the box around it; its canvas carries a role but no name of its own */}
          <div aria-hidden="true">
            <QrCanvas value={cardUrl(card.verifyCode)} size={116} />
          </div>
        </div>
      </div>
      <div className="lx-volunteer-card-hours">
        <div>{t('h5.verifiedHours', { hours: formatHours(card.verifiedHours) })}</div>
        {toNext !== null && (
          <>
            <ProgressBar percent={Math.min(100, (card.verifiedHours / nextStarAt!) * 100)} />
            <div className="lx-volunteer-card-next">{t('h5.toNextStar', { hours: formatHours(toNext), stars: '★'.repeat(card.stars + 1) })}</div>
          </>
        )}
      </div>
    </section>
  );
}

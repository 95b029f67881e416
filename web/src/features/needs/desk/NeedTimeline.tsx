import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/time';
import type { NeedDetail, NeedEvent } from '../needs.api';
import { eventActor, eventFacts, eventWord, statusTone } from '../needs.format';
import { PhotoWall } from './PhotoWall';

const toneDot: Record<string, string> = { new: 'blue', working: 'blue', waiting: 'gold', done: 'green', stopped: 'gray', alert: 'red' };

function EventBody({ event, need }: { event: NeedEvent; need: NeedDetail }) {
  const { t } = useTranslation('needs');
  return (
    <div className="lx-event" data-testid="timeline-event" data-action={event.action}>
      <div className="lx-event-head">
        <Typography.Text strong>{eventWord(event, t)}</Typography.Text>
        <Typography.Text type="secondary" className="lx-event-actor">
          {eventActor(event, t)}
        </Typography.Text>
      </div>
      <div className="lx-muted">{formatDateTime(event.at)}</div>
      {eventFacts(event, need, t).map((line) => (
        <div key={line} className="lx-event-fact">
          {line}
        </div>
      ))}
      {event.note && <div className="lx-event-note">{event.note}</div>}
      <PhotoWall ids={event.attachments} size={64} />
    </div>
  );
}

/** The order's story, oldest first: every transition with who, when, what was decided and why. */
export function NeedTimeline({ need }: { need: NeedDetail }) {
  return (
    <Timeline
      data-testid="need-timeline"
      items={need.timeline.map((event) => ({
        key: event.seq,
        color: toneDot[statusTone(event.toStatus)],
        children: <EventBody event={event} need={need} />,
      }))}
    />
  );
}

import { Steps } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import type { NeedDetail } from '../needs.api';
import { eventActor, eventFacts, eventWord } from '../needs.format';
import { PhotoGrid } from './PhotoGrid';

const finalStates = ['closed', 'rejected', 'merged', 'cancelled'];

/** The progress a resident follows, newest on top: each step says what happened, by whom, when. */
export function NeedSteps({ need }: { need: NeedDetail }) {
  const { t } = useTranslation('needs');
  const events = [...need.timeline].reverse();
  const settled = finalStates.includes(need.status);
  return (
    <Steps direction="vertical" className="lx-h5-steps" data-testid="need-steps">
      {events.map((event, i) => (
        <Steps.Step
          key={event.seq}
          status={i === 0 && !settled ? 'process' : 'finish'}
          title={eventWord(event, t)}
          description={
            <div className="lx-h5-step" data-testid="timeline-event" data-action={event.action}>
              <div className="lx-h5-step-meta">
                {formatMinute(event.at)} · {eventActor(event, t)}
              </div>
              {eventFacts(event, need, t).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {event.note && <div className="lx-h5-step-note">{event.note}</div>}
              <PhotoGrid ids={event.attachments} small />
            </div>
          }
        />
      ))}
    </Steps>
  );
}

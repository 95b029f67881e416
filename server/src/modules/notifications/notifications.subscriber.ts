import type { Subscriber } from '../../platform/events/outbox.js';
import type { NeedsService } from '../needs/needs.service.js';
import { audiencesFor, needMessages, needRules } from './notifications.policy.js';
import type { NotificationsService } from './notifications.service.js';

/**
 * Tells the people concerned about each order event. Runs in the event's delivery transaction and
 * keys every message by the event id: a redelivered event finds its messages there and adds none.
 */
export function needEventsSubscriber(deps: { needs: NeedsService; notify: NotificationsService['notify'] }): Subscriber {
  return {
    name: 'notifications.needs',
    types: Object.keys(needRules),
    async handle(tx, event) {
      const e = { type: event.type, actorId: event.actorId, payload: event.payload };
      const audiences = audiencesFor(e);
      if (audiences.length === 0) return;
      const round = typeof e.payload.round === 'number' ? e.payload.round : undefined;
      const teamId = typeof e.payload.teamId === 'string' ? e.payload.teamId : undefined;
      const people = await deps.needs.recipientsFor(tx, event.districtId, event.subjectId, { audiences, round, teamId });
      const subject = { type: 'need' as const, id: event.subjectId, label: String(e.payload.number ?? '') };
      for (const message of needMessages(e, subject, people)) await deps.notify(tx, event.districtId, { key: event.id, ...message });
    },
  };
}

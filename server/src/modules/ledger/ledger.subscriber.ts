import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.js';
import type { Subscriber } from '../../platform/events/outbox.js';
import { toCents } from './ledger.amounts.js';
import { deduct, reverse } from './ledger.deduct.js';
import type { LedgerDeps } from './ledger.deps.js';
import type { RuleTrigger } from './ledger.enums.js';
import type { LedgerRules } from './ledger.rules.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

type Person = { accountId: string };
export const deductionKey = (source: string, id: string, accountId: string) => `deduct:${source}:${id}:${accountId}`;

/**
 * Deductions from what other modules report, each once by its event's subject and person: a no-show
 * or a late cancellation (activities), a conduct incident (its own points); an annulled incident's
 * deduction is reversed.
 */
export function ledgerSubscriber(deps: LedgerDeps, rules: LedgerRules): Subscriber {
  return {
    name: 'ledger.deductions',
    types: ['activities.noShow', 'activities.lateCancellation', 'conduct.incidentRecorded', 'conduct.incidentAnnulled'],
    async handle(tx, event) {
      const now = deps.clock.now();
      const day = shanghaiDay(event.occurredAt);
      const p = event.payload as Person & { activityId?: string; incidentId?: string; points?: number };
      if (event.type === 'conduct.incidentAnnulled') {
        const [orig] = await queryRows<{ id: string }>(tx, sql`SELECT id FROM ledger_transactions WHERE district_id = ${event.districtId} AND key = ${deductionKey('conduct', p.incidentId!, p.accountId)}`);
        if (orig) await reverse(tx, event.districtId, { key: `reverse:${deductionKey('conduct', p.incidentId!, p.accountId)}`, original: orig.id, source: 'appeal', memo: '', effectiveOn: day, actorId: event.actorId }, now);
        return;
      }
      const trigger: RuleTrigger = event.type === 'activities.noShow' ? 'noShow' : event.type === 'activities.lateCancellation' ? 'lateCancellation' : 'conductIncident';
      const rule = await rules.inForce(tx, event.districtId, trigger, day);
      if (!rule) return;
      const points = trigger === 'conductIncident' ? toCents(p.points ?? 0) : -rule.points;
      if (points <= 0) return;
      const source = trigger === 'conductIncident' ? 'conduct' : 'activity';
      const id = p.incidentId ?? p.activityId!;
      // one deduction per kind of event, activity (or incident) and person
      await deduct(tx, event.districtId, { key: deductionKey(source === 'conduct' ? source : trigger, id, p.accountId), accountId: p.accountId, communityId: await deps.volunteers.communityOf(event.districtId, p.accountId), points, ruleCode: rule.code, source, sourceId: id, memo: '', effectiveOn: day, actorId: event.actorId }, now);
    },
  };
}

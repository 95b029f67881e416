import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.js';
import { toCents } from './ledger.amounts.js';
import { deduct } from './ledger.deduct.js';
import type { LedgerDeps } from './ledger.deps.js';
import { ledgerError } from './ledger.errors.js';
import { claimKeys, writeLines } from './ledger.post.js';
import type { LedgerRules } from './ledger.rules.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type AwardInput = { volunteerId: string; ruleCode: string; note: string; requestKey?: string };

/**
 * Points staff give or take by one of the district's manual rules (表彰、培训、查实的投诉 …), for a
 * volunteer in their scope, with a note; a deduction takes no more than the volunteer has. The
 * client's `requestKey` makes a retried submission post once.
 */
export function ledgerAwards(deps: LedgerDeps, rules: LedgerRules) {
  return {
    async award(actor: Actor, input: AwardInput): Promise<{ transactionKey: string; created: boolean }> {
      if (!input.note.trim()) throw ledgerError('ledger.bad_amount', { field: 'note' });
      const volunteer = await deps.volunteers.detail(actor, input.volunteerId).catch(() => {
        throw ledgerError('ledger.not_volunteer', { field: 'volunteerId' });
      });
      const day = shanghaiDay(deps.clock.now());
      const key = `award:${input.requestKey ?? randomUUID()}`;
      return deps.db.transaction(async (tx) => {
        const rule = await rules.rule(tx, actor.districtId, input.ruleCode, day);
        if (!rule) throw ledgerError('ledger.rule_not_found', { field: 'ruleCode' });
        if (rule.trigger !== 'manual') throw ledgerError('ledger.rule_not_manual', { field: 'ruleCode' });
        const communityId = await deps.volunteers.communityOf(actor.districtId, volunteer.id);
        const memo = input.note.trim();
        let created: boolean;
        if (rule.points < 0) {
          created = await deduct(tx, actor.districtId, { key, accountId: volunteer.id, communityId, points: -toCents(rule.points), ruleCode: rule.code, source: 'rule', sourceId: rule.id, memo, effectiveOn: day, actorId: actor.accountId }, deps.clock.now());
        } else {
          const claimed = await claimKeys(tx, actor.districtId, [{ key, kind: 'earn', source: 'rule', sourceId: rule.id, memo, effectiveOn: day, actorId: actor.accountId }], deps.clock.now());
          const id = claimed.get(key);
          created = Boolean(id);
          const amount = toCents(rule.points);
          if (id)
            await writeLines(tx, actor.districtId, [{ id, key, lines: [
              { kind: 'volunteer.points', ownerId: volunteer.id, communityId, amount, ruleCode: rule.code },
              { kind: 'community.points', ownerId: communityId ?? actor.districtId, communityId, amount: -amount, ruleCode: rule.code },
            ] }], deps.clock.now());
        }
        if (created) await deps.audit.record(actor, { action: 'ledger.award', objectType: 'volunteer', objectId: volunteer.id, details: { rule: rule.code, points: rule.points, note: memo } });
        return { transactionKey: key, created };
      });
    },
  };
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { accessError } from '../../platform/auth/auth.errors.js';
import { queryRows } from '../../platform/db/client.js';
import { scopeError } from '../../platform/scope/scope.errors.js';
import { pathInScope, subtreeOf } from '../../platform/scope/scope.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { Party } from '../needs/needs.lifecycle.js';
import { oversightError } from './oversight.errors.js';
import { fitsNow, mayRecord, maySeeOversight, type Satisfaction, type SupervisionKind } from './oversight.policy.js';
import type { OversightDeps } from './oversight.deps.js';
import { supervisionRecords } from './oversight.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type RecordInput = { kind: SupervisionKind; happenedOn: string; outcome: string; satisfaction?: Satisfaction };
type RecordRow = typeof supervisionRecords.$inferSelect;

/** The role written on the record and the timeline: the caller's staff role over the need. */
const recorders: readonly Party[] = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin'];

const toView = (r: RecordRow, names: Map<string, { name: string }>) => ({
  id: r.id,
  needId: r.needId,
  round: r.round,
  kind: r.kind,
  happenedOn: r.happenedOn,
  outcome: r.outcome,
  satisfaction: r.satisfaction,
  recordedBy: r.recordedBy,
  recordedByName: names.get(r.recordedBy)?.name ?? null,
  recordedRole: r.recordedRole,
  recordedAt: r.recordedAt.toISOString(),
});

/**
 * Supervision records (督办) while a need is handled and the satisfaction callback (回访) after it
 * was served: staff over the need record them; each goes on the need's timeline (`supervise`,
 * `callback`) and a 督办 reaches the handlers' inboxes.
 */
export function createSupervisionRecords(deps: OversightDeps) {
  const { db } = deps;

  return {
    async record(actor: Actor, needId: string, input: RecordInput) {
      const row = await db.transaction(async (tx) => {
        const need = await deps.needs.handlingOf(actor, needId, { lock: true });
        const parties = new Set(need.parties);
        if (!mayRecord(parties)) throw accessError('auth.forbidden');
        if (!fitsNow(input.kind, need)) throw oversightError('oversight.kind_not_now', { field: 'kind' });
        const callback = input.kind === 'satisfactionCallback';
        if (callback && !input.satisfaction) throw oversightError('oversight.satisfaction_required', { field: 'satisfaction' });
        const outcome = input.outcome.trim();
        if (!outcome) throw oversightError('oversight.outcome_required', { field: 'outcome' });
        const now = deps.clock.now();
        const earliest = shanghaiDay(need.acceptedAt ?? now);
        if (input.happenedOn > shanghaiDay(now) || input.happenedOn < earliest) throw oversightError('oversight.date_out_of_range', { field: 'happenedOn' });
        const role = recorders.find((p) => parties.has(p))!;
        const [made] = await tx
          .insert(supervisionRecords)
          .values({ districtId: need.districtId, needId: need.id, regionId: need.regionId, round: need.round, kind: input.kind, happenedOn: input.happenedOn, outcome, satisfaction: callback ? input.satisfaction! : null, recordedBy: actor.accountId, recordedRole: role, recordedAt: now })
          .returning();
        await deps.needs.recordOnTimeline(actor, need.id, {
          role,
          action: callback ? 'callback' : 'supervise',
          note: outcome,
          data: { recordId: made!.id, kind: input.kind, happenedOn: input.happenedOn, ...(callback ? { satisfaction: input.satisfaction } : {}) },
        });
        if (!callback) {
          // 督办 presses the handlers: the team's leader and the community's staff hear of it
          const people = await deps.needs.recipientsFor(tx, need.districtId, need.id, { audiences: ['teamLeader', 'communityStaff'] });
          const recipients = [...people.teamLeader, ...people.communityStaff].filter((id) => id !== actor.accountId);
          await deps.notifications.notify(tx, need.districtId, { key: `supervise:${made!.id}`, type: 'oversight.supervised', recipients, subject: { type: 'need', id: need.id, label: need.number }, params: { needTitle: need.title } });
        }
        await deps.audit.record(actor, { action: `oversight.${callback ? 'callback' : 'supervise'}`, objectType: 'supervisionRecord', objectId: made!.id, regionId: need.regionId, details: { needId: need.id, kind: input.kind, happenedOn: input.happenedOn, satisfaction: made!.satisfaction } });
        return made!;
      });
      const names = await deps.accounts.namesOf(actor.districtId, [row.recordedBy]);
      return toView(row, names);
    },

    /** A need's records, newest first, and which the caller may add now. */
    async listFor(actor: Actor, needId: string) {
      const need = await deps.needs.handlingOf(actor, needId);
      const parties = new Set(need.parties);
      if (!maySeeOversight(parties)) throw accessError('auth.forbidden');
      const rows = await db
        .select()
        .from(supervisionRecords)
        .where(and(eq(supervisionRecords.districtId, actor.districtId), eq(supervisionRecords.needId, needId)))
        .orderBy(desc(supervisionRecords.recordedAt));
      const names = await deps.accounts.namesOf(actor.districtId, [...new Set(rows.map((r) => r.recordedBy))]);
      const may = mayRecord(parties);
      return {
        items: rows.map((r) => toView(r, names)),
        canSupervise: may && fitsNow('writtenReminder', need),
        canCallback: may && fitsNow('satisfactionCallback', need),
      };
    },

    /**
     * Satisfaction callbacks (回访) in a subtree the caller holds, by the day they happened
     * (`from` ≤ day < `to`, Shanghai dates): what the figures may count next to the ratings.
     */
    async callbackCounts(actor: Actor, q: { regionPath: string; from: string; to: string }) {
      if (!pathInScope(actor, q.regionPath)) throw scopeError('regions.not_found');
      const [row] = await queryRows<{ satisfied: number; basically: number; dissatisfied: number }>(
        db,
        sql`SELECT (count(*) FILTER (WHERE s.satisfaction = 'satisfied'))::int AS satisfied,
                   (count(*) FILTER (WHERE s.satisfaction = 'basicallySatisfied'))::int AS basically,
                   (count(*) FILTER (WHERE s.satisfaction = 'dissatisfied'))::int AS dissatisfied
            FROM ${supervisionRecords} s JOIN ${regions} ON ${regions.id} = s.region_id
            WHERE s.district_id = ${actor.districtId} AND s.kind = 'satisfactionCallback' AND ${subtreeOf(q.regionPath)}
              AND s.happened_on >= ${q.from}::date AND s.happened_on < ${q.to}::date`,
      );
      const satisfied = row?.satisfied ?? 0;
      const basicallySatisfied = row?.basically ?? 0;
      const dissatisfied = row?.dissatisfied ?? 0;
      return { satisfied, basicallySatisfied, dissatisfied, total: satisfied + basicallySatisfied + dissatisfied };
    },
  };
}

export type SupervisionRecords = ReturnType<typeof createSupervisionRecords>;

import type { Actor } from '../../platform/auth/actor.js';
import { needsError } from '../needs/needs.errors.js';
import { whistleCalls } from './whistles.calls.js';
import type { WhistlesDeps } from './whistles.deps.js';
import { whistlesError } from './whistles.errors.js';
import { openWhistle, whistleSubscriber, whistleTarget } from './whistles.open.js';
import { sourceKeyOf } from './whistles.policy.js';
import { whistleReads } from './whistles.read.js';
import { whistleUnitsCatalogue } from './whistles.units.js';

/**
 * 吹哨报到 (modules/whistles): a major need goes to its street when accepted, any need when a
 * community escalates it; the street calls units in, each reports in and records its part, the
 * street closes it — every step on the need's timeline (needs.recordOnTimeline).
 */
export function createWhistlesService(deps: WhistlesDeps) {
  const { db } = deps;
  const reads = whistleReads(deps);

  return {
    ...reads,
    ...whistleCalls(deps),
    units: whistleUnitsCatalogue(deps),
    subscriber: whistleSubscriber(deps),

    /**
     * An admin over a need blows the whistle by hand: the order chain's escalate (state, scope and
     * reason are its rules), then the whistle — in the request, or by its event's subscriber if that
     * got there first; both key it by the escalation's step, so it is opened once.
     */
    async open(actor: Actor, input: { needId: string; reason: string }): Promise<string> {
      if (!(await deps.needs.canSee(actor, input.needId))) throw needsError('needs.not_found');
      if (await reads.hasOpen(actor.districtId, input.needId)) throw whistlesError('whistles.already_open');
      if (!(await db.transaction((tx) => whistleTarget(tx, deps, actor.districtId, input.needId)))) throw whistlesError('whistles.no_street');
      const after = await deps.needs.act(actor, input.needId, 'escalate', { note: input.reason });
      const step = 'timeline' in after ? after.timeline.filter((e) => e.action === 'escalate').at(-1)?.seq : undefined;
      const opened = await db.transaction(async (tx) => {
        const target = await whistleTarget(tx, deps, actor.districtId, input.needId);
        if (!target) return null;
        return openWhistle(tx, deps, { actor, ...target, source: 'escalate', sourceKey: sourceKeyOf('needs.escalate', input.needId, step), openedBy: actor.accountId, reason: input.reason.trim() });
      });
      if (!opened) throw whistlesError('whistles.no_street');
      return opened.id;
    },
  };
}

export type WhistlesService = ReturnType<typeof createWhistlesService>;

import type { Cents } from './ledger.amounts.js';
import type { Unit } from './ledger.enums.js';

/** The units whose lines don't sum to zero: a posting must balance in each unit it touches. */
export function unbalancedUnits(lines: readonly { unit: Unit; amount: Cents }[]): Unit[] {
  const sums = new Map<Unit, Cents>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount)) return [l.unit];
    sums.set(l.unit, (sums.get(l.unit) ?? 0) + l.amount);
  }
  return [...sums].filter(([, s]) => s !== 0).map(([u]) => u);
}

/** A points rule as it stands on one day. */
export type RuleVersion = { code: string; trigger: string; points: Cents; effectiveFrom: string; effectiveTo: string | null; active: boolean };

/** The version of each rule in force on `day` (YYYY-MM-DD): a change never reaches back before its date. */
export function rulesOn(rules: readonly RuleVersion[], day: string): RuleVersion[] {
  return rules.filter((r) => r.active && r.effectiveFrom <= day && (r.effectiveTo === null || r.effectiveTo >= day));
}

/** What a verified service brings (the facts the rules look at). */
export type ServiceFact = { hours: Cents; rating?: number | null; severity?: string | null; themed?: boolean | null };

/** The points lines a service earns by the rules in force: per hour, then each bonus that applies. */
export function earnings(fact: ServiceFact, rules: readonly RuleVersion[]): { ruleCode: string; points: Cents }[] {
  const out: { ruleCode: string; points: Cents }[] = [];
  for (const r of rules) {
    if (r.points <= 0) continue;
    let points = 0;
    if (r.trigger === 'perHour') points = Math.floor((fact.hours * r.points) / 100);
    else if (r.trigger === 'ratingFive' && fact.rating === 5) points = r.points;
    else if (r.trigger === 'majorItem' && fact.severity === 'major') points = r.points;
    else if (r.trigger === 'themedDay' && fact.themed) points = r.points;
    if (points > 0) out.push({ ruleCode: r.code, points });
  }
  return out;
}

/**
 * Cuts earnings down to what the caps leave (`room`: points still allowed today and this month;
 * null is no cap). Lines keep their order; the later ones are cut first, a line cut to nothing goes.
 */
export function capped<T extends { points: Cents }>(lines: readonly T[], room: Cents | null): T[] {
  if (room === null) return [...lines];
  let left = Math.max(0, room);
  const out: T[] = [];
  for (const l of lines) {
    const points = Math.min(l.points, left);
    left -= points;
    if (points > 0) out.push({ ...l, points });
  }
  return out;
}

/** Room left under the caps, given what was earned already today and this month. */
export function roomUnderCaps(caps: { daily: Cents | null; monthly: Cents | null }, earned: { day: Cents; month: Cents }): Cents | null {
  const rooms = [caps.daily === null ? null : caps.daily - earned.day, caps.monthly === null ? null : caps.monthly - earned.month].filter((r): r is number => r !== null);
  return rooms.length === 0 ? null : Math.max(0, Math.min(...rooms));
}

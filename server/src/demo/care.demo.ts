import { and, eq, inArray } from 'drizzle-orm';
import { shanghaiDay } from '../platform/clock/clock.js';
import { needCategories } from '../modules/need-categories/categories.table.js';
import { nextOn, type Condition, type Frequency } from '../modules/care/care.policy.js';
import { carePairings, carePlans, careRecipients, careVisits } from '../modules/care/care.table.js';
import { castOf } from './cast.js';
import { inBatches, type DemoStep } from './context.js';
import { demoUuid, idNumber, residentPhone } from './identity.js';
import { personName, type Gender } from './names.js';
import type { DemoPerson } from './plan.js';
import { streamRng, type Rng } from './random.js';
import { careTexts, type Group } from './care.texts.js';

const DAY = 86_400_000;

type Planned = { code: string; title: string; details: string; frequency: Frequency; dayOf: (rng: Rng) => number; startTime: string; minutes: number };

/** Who the person is: their group decides their age, their kinds of care, their plan and what their visitors find. */
function groupOf(rng: Rng): Group {
  const roll = rng.next();
  return roll < 0.72 ? 'elderly' : roll < 0.84 ? 'disabled' : 'child';
}

/**
 * People under care (关爱对象) in every community — mostly elderly people living alone, some severely
 * disabled adults and left-behind children — each paired with one or two of the community's
 * volunteers (一对一 / 二对一), two thirds with a plan (一人一策: a weekly visit, a monthly haircut,
 * after-school tutoring) that starts this week, and three months of visit logs. The fixed demo
 * volunteer looks after two people of their community, so their phone has 我的结对.
 */
export const careStep: DemoStep = {
  name: 'care',
  title: '关爱对象与一人一策 | people under care',
  async run({ tx, plan, deps }) {
    const districtId = plan.regions.district.id;
    const cast = castOf(plan.regions, plan.people);
    const rng = streamRng(plan.seed, 'care');
    const now = deps.clock.now().getTime();
    const today = shanghaiDay(new Date(now));
    const categories = new Map((await tx.select({ id: needCategories.id, code: needCategories.code }).from(needCategories)
      .where(and(eq(needCategories.districtId, districtId), inArray(needCategories.code, careTexts.categoryCodes)))).map((c) => [c.code, c.id]));
    const perCommunity = plan.scale === 'full' ? 12 : 3;
    const phones = new Set(plan.people.map((p) => p.phone));
    const ids = new Set<string>();
    const fixedCommunity = cast.communityOf.get(cast.fixed.volunteer.regionId)?.id;

    const recipients: (typeof careRecipients.$inferInsert)[] = [];
    const pairings: (typeof carePairings.$inferInsert)[] = [];
    const plans: (typeof carePlans.$inferInsert)[] = [];
    const visits: (typeof careVisits.$inferInsert)[] = [];
    for (const community of plan.regions.communities) {
      const buildings = cast.buildingsIn.get(community.id) ?? [];
      const volunteers = cast.volunteersIn.get(community.id) ?? [];
      const admin = cast.staffAt.get(community.id) ?? cast.fixed.communityAdmin;
      if (buildings.length === 0) continue;
      for (let i = 0; i < perCommunity; i++) {
        const id = demoUuid(plan.seed, `care:${community.id}:${i}`);
        const group = groupOf(rng);
        const gender: Gender = rng.chance(group === 'elderly' ? 0.62 : 0.5) ? 'female' : 'male';
        const birthYear = group === 'elderly' ? rng.int(1932, 1956) : group === 'disabled' ? rng.int(1960, 1995) : rng.int(2012, 2020);
        const name = personName(rng, gender, birthYear);
        const texts = careTexts.forGroup(group, rng);
        const building = rng.pick(buildings);
        const createdAt = now - rng.int(30, 700) * DAY;
        const guardian = texts.guardian ? { name: personName(rng, texts.guardian.gender, texts.guardian.birthYear(birthYear)), relation: texts.guardian.relation, phone: residentPhone(rng, phones) } : null;
        const idNo = idNumber(rng, birthYear, gender, ids);
        // the fixed volunteer looks after the first two people of their community
        const paired: DemoPerson[] = community.id === fixedCommunity && i < 2 ? [cast.fixed.volunteer] : rng.sample(volunteers.filter((v) => v !== cast.fixed.volunteer), rng.chance(0.3) ? 2 : 1);
        for (const v of paired) pairings.push({ districtId, recipientId: id, volunteerId: v.id, pairedBy: admin.id, pairedAt: new Date(createdAt + rng.int(1, 20) * DAY) });

        // visits every one to two weeks over the last three months; one person in eight has had none for over a month
        const lapsed = rng.chance(0.125);
        let last: { at: number; condition: Condition } | null = null;
        for (let at = now - rng.int(80, 95) * DAY; at < now - (lapsed ? 35 : 1) * DAY; at += rng.int(6, 15) * DAY) {
          const visitor = paired.length > 0 && rng.chance(0.85) ? rng.pick(paired) : admin;
          const condition: Condition = rng.chance(0.03) ? 'urgent' : rng.chance(0.16) ? 'attention' : 'good';
          // in the daytime, Beijing time: 09:00 to 17:59 of that day
          const when = Date.parse(`${shanghaiDay(new Date(at))}T00:00:00+08:00`) + rng.int(9, 17) * 3_600_000 + rng.int(0, 59) * 60_000;
          visits.push({ districtId, id: demoUuid(plan.seed, `care-visit:${id}:${at}`), recipientId: id, visitorId: visitor.id, visitorName: visitor.name, kind: rng.chance(0.8) ? 'visit' : 'call', condition, summary: careTexts.visitNote(group, condition, rng), visitedAt: new Date(when), createdAt: new Date(when) });
          last = { at: when, condition };
        }
        recipients.push({
          districtId, id, regionId: building.id, name, callName: careTexts.callName(name, gender, group), gender, birthYear, idNumberEnc: deps.crypto.encrypt(idNo), idNumberHmac: deps.crypto.digest(idNo),
          phone: group === 'child' ? null : residentPhone(rng, phones), address: `${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}`, typeCodes: texts.types,
          guardianName: guardian?.name ?? null, guardianRelation: guardian?.relation ?? null, guardianPhone: guardian?.phone ?? null, needs: texts.needs, riskNotes: texts.risk,
          status: 'active', lastVisitAt: last ? new Date(last.at) : null, lastCondition: last?.condition ?? null, createdBy: admin.id, createdAt: new Date(createdAt), updatedAt: new Date(createdAt),
        });

        // two people in three have a plan, set up this past fortnight: their first orders are made in the coming days
        if (!rng.chance(2 / 3)) continue;
        for (const [k, p] of (rng.sample(texts.plans, rng.chance(0.3) ? 2 : 1) as Planned[]).entries()) {
          const categoryId = categories.get(p.code);
          if (!categoryId) continue;
          const rule = { frequency: p.frequency, dayOf: p.dayOf(rng), startsOn: today, endsOn: null };
          plans.push({
            districtId, id: demoUuid(plan.seed, `care-plan:${id}:${k}`), recipientId: id, categoryId, title: p.title, details: p.details, frequency: rule.frequency, dayOf: rule.dayOf,
            startTime: p.startTime, durationMinutes: p.minutes, startsOn: today, nextDueOn: nextOn(rule, today), createdBy: admin.id, createdAt: new Date(now - rng.int(1, 14) * DAY),
          });
        }
      }
    }
    await inBatches(recipients, (batch) => tx.insert(careRecipients).values(batch), 500);
    await inBatches(pairings, (batch) => tx.insert(carePairings).values(batch), 1000);
    await inBatches(plans, (batch) => tx.insert(carePlans).values(batch), 1000);
    await inBatches(visits, (batch) => tx.insert(careVisits).values(batch), 1000);
    return { careRecipients: recipients.length, carePairings: pairings.length, carePlans: plans.length, careVisits: visits.length };
  },
};

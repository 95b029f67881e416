import { channels, type Channel, type NeedKind } from '../modules/needs/needs.enums.js';
import type { NeedStatus, Severity } from '../modules/needs/needs.lifecycle.js';
import { residentPhone } from './identity.js';
import { personName } from './names.js';
import { HOUR, type World } from './needs.pick.js';
import type { Fate } from './needs.story.js';
import type { Draft } from './plan.js';
import { closers, matched, openers, topics } from './needs.texts.js';
import { goodComments, poorComments } from './orders.texts.js';
import { DEMO_YEAR } from './people.demo.js';
import type { DemoPerson } from './plan.js';
import type { Rng } from './random.js';
import type { DemoRegion } from './plan.js';

/** A subcategory of the district's tree as written by ensureDefaults (ids are the database's). */
export type DemoCategory = { id: string; code: string; parentId: string; top: string; severity: Severity };

/** Who asks: registered residents (the elderly apart, for elderly care), and phones already taken. */
export type Crowd = { residents: DemoPerson[]; elderly: DemoPerson[]; phones: Set<string> };

const DAY = 24 * HOUR;

// Hotline and self-service carry most needs; wish walls collect micro-wishes, Open311 grievances.
const channelWeights: Record<NeedKind, number[]> = {
  // self, hotline, letter, visit, wishWall, open311, import, carePlan (the order of `channels`; the
  // care plans' orders are the care step's)
  microWish: [40, 5, 0, 10, 35, 0, 10, 0],
  serviceRequest: [45, 22, 4, 15, 5, 3, 6, 0],
  grievance: [25, 45, 7, 10, 2, 10, 1, 0],
};
const unregisteredShare: Record<Channel, number> = { self: 0, hotline: 0.35, letter: 0.3, visit: 0.3, wishWall: 0.2, open311: 0.35, import: 0.3, carePlan: 0 };
const tanks = ['legal', 'mental', 'medical', 'employment'];

/** "XQ20250412-7KQ2M9", as needNumber() makes them but drawn from the demo's stream, unique. */
function needNumber(rng: Rng, at: number, taken: Set<string>): string {
  const day = new Date(at + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  for (;;) {
    let tail = '';
    for (let i = 0; i < 6; i++) tail += alphabet[rng.int(0, alphabet.length - 1)];
    const number = `XQ${day}-${tail}`;
    if (taken.has(number)) continue;
    taken.add(number);
    return number;
  }
}

function requesterFor(w: World, crowd: Crowd, top: string, channel: Channel): { person: DemoPerson | null; building: DemoRegion } {
  const { rng } = w;
  if (rng.chance(unregisteredShare[channel])) return { person: null, building: rng.pick(w.cast.regions.buildings) };
  const person = top === 'elderly' && rng.chance(0.75) ? rng.pick(crowd.elderly) : rng.pick(crowd.residents);
  return { person, building: w.cast.byId.get(person.regionId)! };
}

export type DraftInput = { id: string; createdAt: number; category: DemoCategory; channel?: Channel; requester?: DemoPerson; numbers: Set<string> };

/** A need as a resident or staff would post it: text from the topic's templates, place, requester. */
export function draftNeed(w: World, crowd: Crowd, x: DraftInput): Draft {
  const { rng } = w;
  const topic = topics[x.category.code]!;
  const channel = x.channel ?? rng.weighted(channels, channelWeights[topic.kind]);
  const who = x.requester ? { person: x.requester, building: w.cast.byId.get(x.requester.regionId)! } : requesterFor(w, crowd, x.category.top, channel);
  const { building } = who;
  const community = w.cast.communityOf.get(building.id)!;
  const known = who.person?.birthYear ? DEMO_YEAR - who.person.birthYear : null;
  const age = x.category.top === 'elderly' ? (known && known >= 60 ? known : rng.int(68, 92)) : (known ?? rng.int(35, 58));
  const fill = (text: string) => text.replace('{b}', building.name).replace('{age}', String(age)).replace('{n}', String(rng.int(2, 6)));
  const sampled = rng.sample(topic.details, rng.int(1, 2)).map((d) => ({ ...d, text: fill(d.text) }));
  // the title, then the description, drawn in the order they always were (the rest of the demo stays the same)
  const story = () => {
    const fitting = matched(topic, rng.pick(topic.titles.map((_, i) => i)), sampled);
    return { title: fill(fitting.title), description: rng.pick(openers) + fitting.details.join('') + rng.pick(closers) };
  };
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const severity = topic.kind !== 'grievance' ? 'general' : rng.chance(0.03) ? 'major' : x.category.severity === 'general' && rng.chance(0.1) ? 'important' : x.category.severity;
  const slots = topic.slots && rng.chance(0.5) ? rng.int(2, topic.slots) : rng.chance(0.08) ? 2 : 1;
  const wanted = topic.kind === 'serviceRequest' && rng.chance(0.5) ? Math.floor((x.createdAt + 8 * HOUR) / DAY) * DAY - 8 * HOUR + rng.int(1, 3) * DAY + rng.pick([9, 10, 14.5, 15]) * HOUR : null;
  return {
    id: x.id,
    number: needNumber(rng, x.createdAt, x.numbers),
    kind: topic.kind,
    categoryId: x.category.id,
    code: x.category.code,
    top: x.category.top,
    ...story(),
    building,
    community,
    address: community.name + building.name + (building.rural ? `${rng.int(1, 60)}号` : `${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}`),
    lng: +(building.centre.lng + (rng.next() - 0.5) * 1e-3).toFixed(6),
    lat: +(building.centre.lat + (rng.next() - 0.5) * 1e-3).toFixed(6),
    requester: who.person
      ? { id: who.person.id, name: who.person.name, phone: who.person.phone }
      : { id: null, name: personName(rng, gender, DEMO_YEAR - rng.int(30, 85)), phone: residentPhone(rng, crowd.phones) },
    channel,
    severity,
    slots,
    isPublic: rng.chance(0.6),
    createdAt: x.createdAt,
    wantedFrom: wanted,
    wantedTo: wanted === null ? null : wanted + 2 * HOUR,
  };
}

/** One round's rating: mostly 4–5 stars; a poor or "not solved" one sends the order back (重办). */
export function rating(rng: Rng, round: number) {
  const stars = round === 1 ? rng.weighted([5, 4, 3, 2, 1], [68, 24, 4, 2.5, 1.5]) : rng.weighted([5, 4, 3], [60, 35, 5]);
  const solved = stars >= 3 ? round > 1 || rng.chance(0.985) : rng.chance(0.3);
  const poor = stars <= 2 || !solved;
  return { rating: stars, solved, comment: poor ? rng.pick(poorComments) : rng.pick(goodComments) };
}

const stuckStates: NeedStatus[] = ['accepted', 'dispatched', 'taken', 'claimed', 'in_service'];
const cancelStates: NeedStatus[] = ['accepted', 'dispatched', 'pooled', 'taken', 'claimed', 'in_service'];

/** How a random need's story goes; shares are rough but realistic (most close, a few go astray). */
export function randomFate(rng: Rng, d: Draft, mergeInto?: { id: string; number: string }): Fate {
  const r = rng.next();
  const outcome = r < 0.05 ? 'reject' : r < 0.075 && mergeInto ? 'merge' : r > 0.985 ? 'cancel' : 'proceed';
  const teamShare = tanks.includes(d.top) ? 0.85 : d.kind === 'microWish' ? 0.4 : d.kind === 'grievance' ? 0.75 : 0.55;
  const stuck = rng.chance(0.006);
  return {
    verify: rng.chance(d.channel === 'visit' ? 0.1 : d.kind === 'grievance' ? 0.5 : 0.2),
    outcome,
    mergeInto: outcome === 'merge' ? mergeInto : undefined,
    route: rng.chance(teamShare) ? 'team' : 'pool',
    declines: rng.chance(0.05) ? (rng.chance(0.12) ? 2 : 1) : 0,
    poolEscalates: rng.chance(0.03),
    cancelAt: rng.chance(0.02) ? rng.pick(cancelStates) : undefined,
    stopAt: stuck ? rng.pick(stuckStates) : undefined,
    ratings: d.requester.id && rng.chance(0.8) ? [rating(rng, 1), rating(rng, 2)] : [],
    reply: rng.chance(0.12),
    pace: stuck ? 1 : rng.chance(0.06) ? 2 + rng.next() * 2 : 0.6 + rng.next() * 0.8,
    officeHours: true,
  };
}

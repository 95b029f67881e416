import { describe, expect, it } from 'vitest';
import type { ActorRole } from '../../platform/auth/roles.js';
import { defaultEntries } from './conduct.defaults.js';
import { canDecide, canRecord, isValidUntil, needsReview, rankOf, startOfShanghaiDay, suspendUntilFor } from './conduct.policy.js';

const as = (...roles: ActorRole[]) => ({ roles });

describe('conduct policy', () => {
  it('community admins and above record incidents; grid workers, leaders and volunteers do not', () => {
    expect(canRecord(as('communityAdmin'))).toBe(true);
    expect(canRecord(as('streetAdmin'))).toBe(true);
    expect(canRecord(as('districtAdmin'))).toBe(true);
    for (const r of ['gridWorker', 'teamLeader', 'volunteer', 'resident', 'system'] as const) expect(canRecord(as(r)), r).toBe(false);
  });

  it('an appeal is decided above the recorder: the street over a community’s record, the district over anything', () => {
    const byCommunity = { recorderRank: rankOf(as('communityAdmin')) };
    const byStreet = { recorderRank: rankOf(as('streetAdmin')) };
    const byDistrict = { recorderRank: rankOf(as('districtAdmin')) };
    expect(canDecide(as('streetAdmin'), byCommunity)).toBe(true);
    expect(canDecide(as('streetAdmin'), byStreet)).toBe(false);
    expect(canDecide(as('communityAdmin'), byCommunity)).toBe(false);
    for (const rec of [byCommunity, byStreet, byDistrict]) expect(canDecide(as('districtAdmin'), rec)).toBe(true);
    expect(canDecide(as('volunteer'), byCommunity)).toBe(false);
  });

  it('a suspension ends at the start of a Shanghai day after today', () => {
    const now = new Date('2026-03-01T17:00:00Z'); // 01:00 on 2 March in Shanghai
    expect(suspendUntilFor(now, 30)).toBe('2026-04-01');
    expect(isValidUntil('2026-03-02', now)).toBe(false);
    expect(isValidUntil('2026-03-03', now)).toBe(true);
    expect(isValidUntil('2026-13-03', now)).toBe(false);
    expect(startOfShanghaiDay('2026-03-03').toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('repeated no-shows need review from the threshold on; a threshold of 0 never', () => {
    expect(needsReview(2, 3)).toBe(false);
    expect(needsReview(3, 3)).toBe(true);
    expect(needsReview(9, 0)).toBe(false);
  });

  it('the seeded list has 20 entries with unique codes and titles, points within bounds', () => {
    expect(defaultEntries).toHaveLength(20);
    expect(new Set(defaultEntries.map((e) => e.code)).size).toBe(20);
    expect(new Set(defaultEntries.map((e) => e.title)).size).toBe(20);
    for (const e of defaultEntries) expect(e.points >= 0 && e.points <= 100 && e.title.length <= 60 && e.titleEn.length <= 100, e.code).toBe(true);
  });
});

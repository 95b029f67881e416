import { describe, expect, it } from 'vitest';
import { manualSlot, monthlySlot, standing } from './partners.policy.js';

const unit = { regionPath: '/d/s1/', communityPaths: ['/d/s1/c1/'], contactAccountId: 'contact' };
const actor = (roles: string[], regionPath: string, accountId = 'someone') => ({ roles: roles as never, regionPath, accountId });

describe('who stands how to a partner unit', () => {
  it('the admins over the unit’s own place manage it', () => {
    expect(standing(actor(['streetAdmin'], '/d/s1/'), unit)).toBe('manage');
    expect(standing(actor(['districtAdmin'], '/d/'), unit)).toBe('manage');
  });
  it('a paired community’s admin reads it; another community’s or street’s admin does not see it', () => {
    expect(standing(actor(['communityAdmin'], '/d/s1/c1/'), unit)).toBe('read');
    expect(standing(actor(['communityAdmin'], '/d/s1/c2/'), unit)).toBe('none');
    expect(standing(actor(['streetAdmin'], '/d/s2/'), unit)).toBe('none');
  });
  it('a street admin over a paired community only reads a unit that sits elsewhere', () => {
    expect(standing(actor(['streetAdmin'], '/d/s1/'), { ...unit, regionPath: '/d/' })).toBe('read');
  });
  it('its contact reads it; a grid worker or resident of the place does not', () => {
    expect(standing(actor(['partner'], '/d/s1/c1/', 'contact'), unit)).toBe('read');
    expect(standing(actor(['gridWorker'], '/d/s1/c1/'), unit)).toBe('none');
    expect(standing(actor(['resident'], '/d/s1/c1/'), unit)).toBe('none');
  });
});

describe('reminder slots (Shanghai time)', () => {
  it('the sweep reminds from September on, once per month', () => {
    expect(monthlySlot(new Date('2026-08-31T15:59:00Z'))).toBeNull(); // 23:59 on 31 August in Shanghai
    expect(monthlySlot(new Date('2026-08-31T16:00:00Z'))).toBe('month:2026-09');
    expect(monthlySlot(new Date('2026-12-31T16:00:00Z'))).toBeNull(); // January of the next year
  });
  it('"remind now" is keyed by the Shanghai day', () => {
    expect(manualSlot(new Date('2026-09-14T16:30:00Z'))).toBe('day:2026-09-15');
  });
});

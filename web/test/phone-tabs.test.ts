import { describe, expect, it } from 'vitest';
import { phoneServices, phoneTabs } from '../src/app/navigation';
import { MAX_PHONE_TABS, tabsFor } from '../src/app/phone-tabs';

const paths = (roles: string[]) => tabsFor(phoneTabs, roles).map((t) => t.path);

describe('the phone tab bar', () => {
  it('holds five tabs at most, whoever signs in, and keeps home, messages and me', () => {
    const people = [['resident'], ['volunteer'], ['volunteer', 'teamLeader'], ['volunteer', 'communityAdmin'], ['volunteer', 'teamLeader', 'gridWorker'], ['partnerContact']];
    for (const roles of people) {
      const shown = paths(roles);
      expect(shown.length, roles.join('+')).toBeLessThanOrEqual(MAX_PHONE_TABS);
      expect(shown, roles.join('+')).toEqual(expect.arrayContaining(['/h5', '/h5/inbox', '/h5/me']));
    }
  });

  it('leaves out the spare tabs only when there are too many, the smallest first', () => {
    expect(paths(['resident'])).toEqual(['/h5', '/h5/needs', '/h5/inbox', '/h5/me']);
    // a volunteer had six: 我的需求 goes, it is a tile of the home
    expect(paths(['volunteer'])).toEqual(['/h5', '/h5/pool', '/h5/tasks', '/h5/inbox', '/h5/me']);
    // a team leader who volunteers had seven: 抢单 goes too
    expect(paths(['volunteer', 'teamLeader'])).toEqual(['/h5', '/h5/team-orders', '/h5/tasks', '/h5/inbox', '/h5/me']);
  });

  it('a spare tab’s page is a tile of the home for everyone who has the tab', () => {
    for (const tab of phoneTabs.filter((t) => t.spare !== undefined)) {
      const tile = phoneServices.find((s) => s.path === tab.path);
      expect(tile, tab.path).toBeDefined();
      // the tile asks no more of its viewer than the tab does
      expect(!tile!.volunteer || tab.volunteer === true, tab.path).toBe(true);
      expect(!tile!.roles || (tab.roles ?? []).every((r) => tile!.roles!.includes(r)), tab.path).toBe(true);
      expect(!tile!.roles || tab.roles !== undefined, tab.path).toBe(true);
    }
  });
});

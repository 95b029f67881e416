import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import type { ActorRole } from '../../platform/auth/roles.js';
import { IN_SERVICE_PARTY_MEMBER } from '../../demo/names.js';
import { canManagePost, canManageTypes, canSeePost, claimRefusal, IN_SERVICE_MARKER, isActiveVolunteer, isInServicePartyMember, missingSkills, nearnessOf } from './posts.policy.js';

const at = (roles: ActorRole[], regionPath: string): Actor => ({ accountId: 'a', districtId: 'd', name: 'x', roles, regionId: 'r', regionPath, mustChangePassword: false, ip: '127.0.0.1' });
const community = '/D/S1/C1/';

describe('posts policy', () => {
  it('admins over the community publish and manage its posts; admins elsewhere and non-admins do not', () => {
    expect(canManagePost(at(['communityAdmin'], '/D/S1/C1/'), community)).toBe(true);
    expect(canManagePost(at(['streetAdmin'], '/D/S1/'), community)).toBe(true);
    expect(canManagePost(at(['districtAdmin'], '/D/'), community)).toBe(true);
    expect(canManagePost(at(['communityAdmin'], '/D/S1/C2/'), community)).toBe(false);
    expect(canManagePost(at(['streetAdmin'], '/D/S2/'), community)).toBe(false);
    expect(canManagePost(at(['volunteer', 'resident'], '/D/S1/C1/G1/B1/'), community)).toBe(false);
    expect(canManagePost(at(['teamLeader'], '/D/S1/C1/'), community)).toBe(false);
  });

  it('staff over the community see a post; a grid worker below it or staff elsewhere do not', () => {
    expect(canSeePost(at(['communityAdmin'], '/D/S1/C1/'), community)).toBe(true);
    expect(canSeePost(at(['gridWorker'], '/D/S1/C1/G1/'), community)).toBe(false);
    expect(canSeePost(at(['communityAdmin'], '/D/S2/C3/'), community)).toBe(false);
  });

  it('only district admins shape the post types', () => {
    expect(canManageTypes(at(['districtAdmin'], '/D/'))).toBe(true);
    expect(canManageTypes(at(['streetAdmin'], '/D/S1/'))).toBe(false);
    expect(canManageTypes(at(['communityAdmin'], '/D/S1/C1/'))).toBe(false);
  });

  it('only volunteers claim posts', () => {
    expect(isActiveVolunteer(at(['volunteer'], '/D/'))).toBe(true);
    expect(isActiveVolunteer(at(['resident'], '/D/'))).toBe(false);
    expect(isActiveVolunteer(at(['communityAdmin'], '/D/'))).toBe(false);
  });

  it('a post fits a volunteer who holds every skill it asks for', () => {
    expect(missingSkills([], ['助老'])).toEqual([]);
    expect(missingSkills(['助老'], ['助老', '维修'])).toEqual([]);
    expect(missingSkills(['助老', '法律咨询'], ['助老'])).toEqual(['法律咨询']);
  });

  it('an in-service party member is told by the demo’s marker tag', () => {
    expect(IN_SERVICE_MARKER).toBe(IN_SERVICE_PARTY_MEMBER);
    expect(isInServicePartyMember(['助老', IN_SERVICE_PARTY_MEMBER])).toBe(true);
    expect(isInServicePartyMember(['助老'])).toBe(false);
  });

  it('posts of the volunteer’s community come first, then their street’s, then the district’s', () => {
    const home = { communityPath: '/D/S1/C1/', streetPath: '/D/S1/' };
    expect(nearnessOf('/D/S1/C1/', home)).toBe('community');
    expect(nearnessOf('/D/S1/C2/', home)).toBe('street');
    expect(nearnessOf('/D/S2/C3/', home)).toBe('district');
  });

  it('a closed post or one past its period cannot be claimed', () => {
    expect(claimRefusal({ status: 'open', endsOn: null }, '2026-05-01')).toBeNull();
    expect(claimRefusal({ status: 'open', endsOn: '2026-05-01' }, '2026-05-01')).toBeNull();
    expect(claimRefusal({ status: 'open', endsOn: '2026-04-30' }, '2026-05-01')).toBe('posts.ended');
    expect(claimRefusal({ status: 'closed', endsOn: null }, '2026-05-01')).toBe('posts.closed');
  });
});

import type { Channel, NeedKind } from '../modules/needs/needs.enums.js';
import type { Severity } from '../modules/needs/needs.lifecycle.js';
import type { Role } from '../platform/auth/roles.js';
import type { Gender } from './names.js';

/** The shape of the planned district: what every demo step reads and writes (types only). */

export type DemoRegionType = 'district' | 'street' | 'community' | 'grid' | 'building';

export type DemoRegion = {
  id: string;
  parentId: string | null;
  districtId: string;
  code: string;
  name: string;
  type: DemoRegionType;
  depth: number;
  path: string;
  centre: { lng: number; lat: number };
  sortOrder: number;
  /** Villages number their micro-grids as villager groups (三组) instead of blocks (3号楼). */
  rural: boolean;
};

export type RegionPlan = {
  district: DemoRegion;
  streets: DemoRegion[];
  communities: DemoRegion[];
  grids: DemoRegion[];
  buildings: DemoRegion[];
};

export type DemoPerson = {
  id: string;
  phone: string;
  name: string;
  roles: Role[];
  regionId: string;
  gender: Gender | null;
  birthYear: number | null;
  skills: string[];
  /** In clear only in memory; the accounts step stores it encrypted. */
  idNumber: string | null;
};

/** own 领办 · roving 组团流动 · paired 结对共建 · party 党员 · thinkTank 智囊团 (SPEC §6). */
export type TeamType = 'own' | 'roving' | 'paired' | 'party' | 'thinkTank';

export type DemoTeam = {
  id: string;
  name: string;
  type: TeamType;
  communityId: string;
  leaderId: string;
  /** The leader is a member too: a leader may assign an order to themselves. */
  memberIds: string[];
  /** Top-level need category codes the team serves (what dispatch matches on). */
  categories: string[];
  createdDaysAgo: number;
  /** A think tank's field (legal, mental, medical, employment, general); none for other types. */
  thinkTankModule?: 'legal' | 'mental' | 'medical' | 'employment' | 'general';
  description: string;
  /** Volunteers of the community whose request to join waits for the leader. */
  requesterIds: string[];
};

/** A need as posted, before anything happens to it. */
export type Draft = {
  id: string; number: string; kind: NeedKind; categoryId: string; /** the subcategory's code (elderly.escort) */ code: string; top: string; title: string; description: string;
  building: DemoRegion; community: DemoRegion; address: string; lng: number; lat: number;
  requester: { id: string | null; name: string; phone: string | null };
  channel: Channel; severity: Severity; slots: number; isPublic: boolean; createdAt: number; wantedFrom: number | null; wantedTo: number | null;
};

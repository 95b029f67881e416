import type { Role } from '../platform/auth/roles.js';
import { IN_SERVICE_PARTY_MEMBER, type Gender } from './names.js';
import type { RegionPlan } from './plan.js';

/** The one password of every demo account. It is public (README, login page hint): demo data only. */
export const DEMO_PASSWORD = 'Lianxin@2026';

export type FixedAccount = {
  phone: string;
  name: string;
  roles: Role[];
  /** What the login table prints, zh-CN first. */
  label: string;
  /** Null for a partner unit's account: it stands for an organisation, not a person. */
  gender: Gender | null;
  birthYear: number | null;
  skills: string[];
  withIdNumber: boolean;
  /** Where the account is bound: staff see this node's subtree, people live here. */
  at: (regions: RegionPlan) => { id: string; name: string };
};

const street1 = (r: RegionPlan) => r.streets[0]!;
const community1 = (r: RegionPlan) => r.communities[0]!;
const gridsOfCommunity1 = (r: RegionPlan) => r.grids.filter((g) => g.parentId === community1(r).id);
const buildingsOfCommunity1 = (r: RegionPlan) => r.buildings.filter((b) => gridsOfCommunity1(r).some((g) => g.id === b.parentId));

/**
 * Always present, in both scales, all in street 1 / community 1 so that one walk-through shows the
 * whole chain (点单 → 派单 → 接单 → 领单 → 评单) with these people. e2e tests log in with them.
 */
export const fixedAccounts: FixedAccount[] = [
  { phone: '13800000000', name: '周建国', roles: ['districtAdmin'], label: '区管理员 district admin', gender: 'male', birthYear: 1972, skills: [], withIdNumber: false, at: (r) => r.district },
  { phone: '13800000001', name: '孙立新', roles: ['streetAdmin'], label: '街道管理员 street admin', gender: 'male', birthYear: 1978, skills: [], withIdNumber: false, at: street1 },
  { phone: '13800000002', name: '王秀梅', roles: ['communityAdmin'], label: '社区管理员 community admin', gender: 'female', birthYear: 1981, skills: [], withIdNumber: false, at: community1 },
  { phone: '13800000003', name: '李强', roles: ['gridWorker'], label: '网格员 grid worker', gender: 'male', birthYear: 1988, skills: [], withIdNumber: false, at: (r) => gridsOfCommunity1(r)[0]! },
  {
    phone: '13800000004',
    name: '张志刚',
    roles: ['teamLeader', 'volunteer'],
    label: '队长 team leader',
    gender: 'male',
    birthYear: 1975,
    skills: ['维修', '家电维修', IN_SERVICE_PARTY_MEMBER],
    withIdNumber: true,
    at: (r) => buildingsOfCommunity1(r)[1] ?? buildingsOfCommunity1(r)[0]!,
  },
  {
    phone: '13800000005',
    name: '刘芳',
    roles: ['volunteer', 'resident'],
    label: '志愿者 volunteer',
    gender: 'female',
    birthYear: 1992,
    skills: ['助老', '理发', '手机电脑教学'],
    withIdNumber: true,
    at: (r) => buildingsOfCommunity1(r)[0]!,
  },
  { phone: '13800000006', name: '陈桂英', roles: ['resident'], label: '居民 resident', gender: 'female', birthYear: 1948, skills: [], withIdNumber: true, at: (r) => buildingsOfCommunity1(r)[0]! },
  { phone: '13800000007', name: '鑫源超市', roles: ['partner'], label: '共建单位 partner unit', gender: null, birthYear: null, skills: [], withIdNumber: false, at: community1 },
];

/** The login table printed at start, so whoever runs the demo knows how to get in. */
export function demoAccountTable(regions: RegionPlan): string[] {
  const lines = [`  ${'phone'.padEnd(13)}${'password'.padEnd(15)}${'role'.padEnd(30)}where`];
  for (const a of fixedAccounts) {
    lines.push(`  ${a.phone.padEnd(13)}${DEMO_PASSWORD.padEnd(15)}${padWide(a.label, 30)}${placeName(regions, a.at(regions).id)}`);
  }
  return lines;
}

/** "光明路街道 文化社区 第一网格": the node's name after its ancestors' below the district. */
function placeName(regions: RegionPlan, id: string): string {
  const all = [regions.district, ...regions.streets, ...regions.communities, ...regions.grids, ...regions.buildings];
  const node = all.find((n) => n.id === id);
  if (!node || node.type === 'district') return node?.name ?? '';
  const ids = node.path.split('/').filter(Boolean).slice(1);
  return ids.map((ancestor) => all.find((n) => n.id === ancestor)?.name ?? '').join(' ');
}

/** Pads by display width: a CJK character takes two terminal columns. */
function padWide(text: string, width: number): string {
  const shown = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - shown));
}

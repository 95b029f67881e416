import { hashPassword } from '../platform/auth/password.js';
import type { Role } from '../platform/auth/roles.js';
import type { FieldCrypto } from '../platform/crypto/crypto.js';
import { queryRows, type DbOrTx } from '../platform/db/client.js';
import { accounts, phoneDirectory } from '../modules/accounts/accounts.table.js';
import { regions } from '../platform/scope/regions.table.js';
import { teamMembers, teams } from '../modules/teams/teams.table.js';
import { volunteers } from '../modules/volunteers/volunteers.table.js';
import { sql } from 'drizzle-orm';

export const PASSWORD = 'Lianxin@2026';

type NodeSpec = { key: string; parent?: string; type: string; name: string; code: string };

/** Two districts; district A has streets S1 (communities C1, C2) and S2 (community C3). */
const tree: NodeSpec[] = [
  { key: 'D', type: 'district', name: '测试区', code: 'T00' },
  { key: 'S1', parent: 'D', type: 'street', name: '东街道', code: 'T01' },
  { key: 'S2', parent: 'D', type: 'street', name: '西街道', code: 'T02' },
  { key: 'C1', parent: 'S1', type: 'community', name: '光明社区', code: 'T0101' },
  { key: 'C2', parent: 'S1', type: 'community', name: '和平社区', code: 'T0102' },
  { key: 'C3', parent: 'S2', type: 'community', name: '幸福社区', code: 'T0201' },
  { key: 'G1', parent: 'C1', type: 'grid', name: '光明一网格', code: 'T010101' },
  { key: 'G2', parent: 'C2', type: 'grid', name: '和平一网格', code: 'T010201' },
  { key: 'B1', parent: 'G1', type: 'building', name: '光明1号楼', code: 'T01010101' },
  { key: 'B2', parent: 'G2', type: 'building', name: '和平1号楼', code: 'T01020101' },
  { key: 'X', type: 'district', name: '外区', code: 'X00' },
  { key: 'XS', parent: 'X', type: 'street', name: '外街道', code: 'X01' },
  { key: 'XC', parent: 'XS', type: 'community', name: '外社区', code: 'X0101' },
];

type PersonSpec = { key: string; phone: string; name: string; roles: Role[]; at: string; idNumber?: string };

const people: PersonSpec[] = [
  { key: 'districtAdmin', phone: '13900000001', name: '区管理员', roles: ['districtAdmin'], at: 'D' },
  { key: 'streetAdmin1', phone: '13900000002', name: '东街道管理员', roles: ['streetAdmin'], at: 'S1' },
  { key: 'communityAdmin1', phone: '13900000003', name: '光明管理员', roles: ['communityAdmin'], at: 'C1' },
  { key: 'communityAdmin2', phone: '13900000004', name: '和平管理员', roles: ['communityAdmin'], at: 'C2' },
  { key: 'gridWorker1', phone: '13900000005', name: '王网格', roles: ['gridWorker'], at: 'G1' },
  { key: 'teamLeader1', phone: '13900000006', name: '李队长', roles: ['teamLeader', 'volunteer'], at: 'B1' },
  { key: 'volunteer1', phone: '13900000007', name: '赵志愿', roles: ['volunteer', 'resident'], at: 'B1', idNumber: '11010119850510001X' },
  { key: 'resident1', phone: '13900000008', name: '张三', roles: ['resident'], at: 'B1', idNumber: '110101199001011237' },
  { key: 'resident2', phone: '13900000009', name: '钱四', roles: ['resident'], at: 'B2' },
  { key: 'communityAdmin3', phone: '13900000012', name: '幸福管理员', roles: ['communityAdmin'], at: 'C3' },
  { key: 'streetAdmin2', phone: '13900000013', name: '西街道管理员', roles: ['streetAdmin'], at: 'S2' },
  { key: 'volunteer2', phone: '13900000014', name: '孙志愿', roles: ['volunteer', 'resident'], at: 'B2' },
  { key: 'otherDistrictAdmin', phone: '13900000010', name: '外区管理员', roles: ['districtAdmin'], at: 'X' },
  { key: 'otherCommunityAdmin', phone: '13900000011', name: '外社区管理员', roles: ['communityAdmin'], at: 'XC' },
];

export type Fixture = {
  region: Record<string, { id: string; districtId: string; path: string }>;
  person: Record<string, { id: string; phone: string; districtId: string }>;
  team: Record<string, { id: string }>;
};

export async function seedFixture(db: DbOrTx, crypto: FieldCrypto): Promise<Fixture> {
  const region: Fixture['region'] = {};
  for (const spec of tree) {
    const uuid = globalThis.crypto.randomUUID();
    const parent = spec.parent ? region[spec.parent]! : undefined;
    const districtId = parent?.districtId ?? uuid;
    const path = `${parent?.path ?? '/'}${uuid}/`;
    await db.insert(regions).values({
      id: uuid,
      districtId,
      parentId: parent ? parent.id : null,
      code: spec.code,
      name: spec.name,
      type: spec.type,
      depth: path.split('/').filter(Boolean).length - 1,
      path,
    });
    region[spec.key] = { id: uuid, districtId, path };
  }
  const passwordHash = await hashPassword(PASSWORD);
  const person: Fixture['person'] = {};
  for (const p of people) {
    const node = region[p.at]!;
    const id = globalThis.crypto.randomUUID();
    await db.insert(accounts).values({
      districtId: node.districtId,
      id,
      phone: p.phone,
      name: p.name,
      roles: p.roles,
      regionId: node.id,
      passwordHash,
      idNumberEnc: p.idNumber ? crypto.encrypt(p.idNumber) : null,
      idNumberHmac: p.idNumber ? crypto.digest(p.idNumber) : null,
    });
    await db.insert(phoneDirectory).values({ phone: p.phone, districtId: node.districtId, accountId: id });
    person[p.key] = { id, phone: p.phone, districtId: node.districtId };
    if (p.roles.includes('volunteer')) await registerVolunteers(db, [{ districtId: node.districtId, accountId: id, regionId: node.id }]);
  }
  // 光明志愿服务队 in C1, led by teamLeader1 with volunteer1; 和平服务队 in C2 led by communityAdmin2's people
  const team: Fixture['team'] = {};
  for (const [key, name, at, leader, members] of [
    ['T1', '光明志愿服务队', 'C1', 'teamLeader1', ['teamLeader1', 'volunteer1']],
    ['T2', '和平志愿服务队', 'C2', 'teamLeader1', ['teamLeader1']],
  ] as const) {
    const id = globalThis.crypto.randomUUID();
    const districtId = region[at]!.districtId;
    await db.insert(teams).values({ districtId, id, name, regionId: region[at]!.id, leaderId: person[leader]!.id, categories: ['elderly'] });
    await db.insert(teamMembers).values(members.map((m) => ({ districtId, teamId: id, accountId: person[m]!.id })));
    team[key] = { id };
  }
  return { region, person, team };
}

/** Adds `count` volunteers living in a building (for races), all with the fixture password. */
export async function addVolunteers(db: DbOrTx, at: { id: string; districtId: string }, count: number, phonePrefix = '1370'): Promise<{ id: string; phone: string }[]> {
  const passwordHash = await hashPassword(PASSWORD);
  const made = Array.from({ length: count }, (_, i) => ({ id: globalThis.crypto.randomUUID(), phone: `${phonePrefix}${String(i).padStart(11 - phonePrefix.length, '0')}` }));
  await db.insert(accounts).values(made.map((v, i) => ({ districtId: at.districtId, id: v.id, phone: v.phone, name: `志愿者${i}`, roles: ['volunteer'], regionId: at.id, passwordHash })));
  await db.insert(phoneDirectory).values(made.map((v) => ({ phone: v.phone, districtId: at.districtId, accountId: v.id })));
  await registerVolunteers(db, made.map((v) => ({ districtId: at.districtId, accountId: v.id, regionId: at.id })));
  return made;
}

let fixtureNumber = 0;

/** Holders of the volunteer role are active registered volunteers (the registry's invariant), numbered TS…. */
async function registerVolunteers(db: DbOrTx, rows: { districtId: string; accountId: string; regionId: string }[]) {
  if (rows.length === 0) return;
  const [home] = await queryRows<{ id: string }>(db, sql`SELECT c.id FROM regions h JOIN regions c ON c.type = 'community' AND starts_with(h.path, c.path) WHERE h.id = ${rows[0]!.regionId}`);
  const communityId = home?.id ?? rows[0]!.regionId;
  await db.insert(volunteers).values(rows.map((r) => ({ ...r, communityId, number: `TS${String(++fixtureNumber).padStart(7, '0')}`, status: 'active', politicalStatus: 'masses' })));
}

import { accounts, phoneDirectory } from '../modules/accounts/accounts.table.js';
import type { Role } from '../platform/auth/roles.js';
import { inBatches, type DemoStep, type ScaleSizes } from './context.js';
import { fixedAccounts } from './fixed-accounts.js';
import { demoUuid, idNumber, residentPhone, staffPhone } from './identity.js';
import { IN_SERVICE_PARTY_MEMBER, personName, volunteerSkills, type Gender } from './names.js';
import { streamRng, type Rng } from './random.js';
import type { DemoPerson, DemoRegion, RegionPlan } from './plan.js';

/** Ages are counted from a fixed year, not today, so the district is the same whenever it is seeded. */
export const DEMO_YEAR = 2026;


const VOLUNTEER_SHARE = 0.4;
const ID_NUMBER_SHARE = 0.3;
const IN_SERVICE_SHARE = 0.18;

type AgeBand = [min: number, max: number];
const ages: Record<'resident' | 'volunteer' | 'staff', { bands: AgeBand[]; weights: number[] }> = {
  // many registered residents are elderly: they are the ones who ask for help
  resident: { bands: [[18, 35], [36, 59], [60, 90]], weights: [25, 38, 37] },
  volunteer: { bands: [[18, 35], [36, 59], [60, 78]], weights: [35, 42, 23] },
  staff: { bands: [[24, 35], [36, 55]], weights: [55, 45] },
};

function birthYear(rng: Rng, kind: keyof typeof ages): number {
  const [min, max] = rng.weighted(ages[kind].bands, ages[kind].weights);
  return DEMO_YEAR - rng.int(min, max);
}

type Makers = { rng: Rng; seed: number; phones: Set<string>; ids: Set<string> };

function person(m: Makers, input: { phone: string; roles: Role[]; at: DemoRegion; kind: keyof typeof ages }): DemoPerson {
  const gender: Gender = m.rng.chance(0.5) ? 'male' : 'female';
  const year = birthYear(m.rng, input.kind);
  const volunteer = input.roles.includes('volunteer');
  const skills = volunteer ? volunteerSkills(m.rng, DEMO_YEAR - year) : [];
  const age = DEMO_YEAR - year;
  if (volunteer && age >= 23 && age <= 58 && m.rng.chance(IN_SERVICE_SHARE)) skills.push(IN_SERVICE_PARTY_MEMBER);
  return {
    id: demoUuid(m.seed, `account:${input.phone}`),
    phone: input.phone,
    name: personName(m.rng, gender, year),
    roles: input.roles,
    regionId: input.at.id,
    gender,
    birthYear: year,
    skills,
    idNumber: m.rng.chance(ID_NUMBER_SHARE) ? idNumber(m.rng, year, gender, m.ids) : null,
  };
}

function fixedPeople(m: Makers, regions: RegionPlan): DemoPerson[] {
  return fixedAccounts.map((a) => {
    m.phones.add(a.phone);
    return {
      id: demoUuid(m.seed, `account:${a.phone}`),
      phone: a.phone,
      name: a.name,
      roles: a.roles,
      regionId: a.at(regions).id,
      gender: a.gender,
      birthYear: a.birthYear,
      skills: a.skills,
      idNumber: a.withIdNumber && a.gender && a.birthYear ? idNumber(m.rng, a.birthYear, a.gender, m.ids) : null,
    };
  });
}

/** Fixed accounts, then one admin per street and community and one worker per grid, then residents. */
export function planPeople(seed: number, sizes: ScaleSizes, regions: RegionPlan): DemoPerson[] {
  const m: Makers = { rng: streamRng(seed, 'people'), seed, phones: new Set(), ids: new Set() };
  const people = fixedPeople(m, regions);
  const staff: [level: 1 | 2 | 3, role: Role, nodes: DemoRegion[]][] = [
    [1, 'streetAdmin', regions.streets],
    [2, 'communityAdmin', regions.communities],
    [3, 'gridWorker', regions.grids],
  ];
  for (const [level, role, nodes] of staff) {
    nodes.forEach((at, i) => people.push(person(m, { phone: staffPhone(level, i + 1), roles: [role], at, kind: 'staff' })));
  }
  for (let i = 0; i < sizes.people; i++) {
    const volunteer = m.rng.chance(VOLUNTEER_SHARE);
    const roles: Role[] = volunteer ? ['resident', 'volunteer'] : ['resident'];
    const phone = residentPhone(m.rng, m.phones);
    people.push(person(m, { phone, roles, at: m.rng.pick(regions.buildings), kind: volunteer ? 'volunteer' : 'resident' }));
  }
  return people;
}

/** Accounts and their phone directory rows, in the same transaction like every account insert. */
export const accountsStep: DemoStep = {
  name: 'accounts',
  title: '居民、志愿者与工作人员账号 | residents, volunteers and staff',
  async run({ tx, plan, passwordHash, deps }) {
    const districtId = plan.regions.district.id;
    const rows = plan.people.map((p) => ({
      districtId,
      id: p.id,
      phone: p.phone,
      name: p.name,
      passwordHash,
      roles: p.roles,
      regionId: p.regionId,
      gender: p.gender,
      birthYear: p.birthYear,
      skills: p.skills,
      idNumberEnc: p.idNumber ? deps.crypto.encrypt(p.idNumber) : null,
      idNumberHmac: p.idNumber ? deps.crypto.digest(p.idNumber) : null,
    }));
    await inBatches(rows, (batch) => tx.insert(accounts).values(batch));
    await inBatches(plan.people, (batch) => tx.insert(phoneDirectory).values(batch.map((p) => ({ phone: p.phone, districtId, accountId: p.id }))));
    const has = (role: Role) => plan.people.filter((p) => p.roles.includes(role)).length;
    return {
      accounts: rows.length,
      volunteers: has('volunteer'),
      staff: has('streetAdmin') + has('communityAdmin') + has('gridWorker') + has('districtAdmin'),
      inServicePartyMembers: plan.people.filter((p) => p.skills.includes(IN_SERVICE_PARTY_MEMBER)).length,
      idNumbers: rows.filter((r) => r.idNumberEnc).length,
    };
  },
};

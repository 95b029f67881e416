import { teamJoinRequests, teamMembers, teams } from '../modules/teams/teams.table.js';
import type { Cast } from './cast.js';
import { inBatches, type DemoStep } from './context.js';
import { demoUuid } from './identity.js';
import { IN_SERVICE_PARTY_MEMBER } from './names.js';
import type { DemoPerson, DemoTeam, TeamType } from './plan.js';
import { streamRng, type Rng } from './random.js';



/** What a team of a given flavour is called, serves, and which skill its leader usually has. */
type Flavour = { label: string; categories: string[]; skill: string; module?: DemoTeam['thinkTankModule'] };

const flavours: Record<TeamType, Flavour[]> = {
  own: ['红马甲', '邻里守望', '夕阳红', '暖心', '爱心', '银龄互助', '巾帼', '青年'].map((label) => ({ label, categories: ['elderly', 'environment', 'convenience', 'children', 'disability'], skill: '助老' })),
  party: ['党员先锋', '党员突击', '在职党员'].map((label) => ({ label, categories: ['safety', 'environment', 'dispute', 'elderly'], skill: IN_SERVICE_PARTY_MEMBER })),
  roving: [
    { label: '理发义剪', categories: ['elderly', 'convenience'], skill: '理发' },
    { label: '家电义修', categories: ['facilities'], skill: '家电维修' },
    { label: '水电维修', categories: ['facilities'], skill: '水电维修' },
    { label: '健康义诊', categories: ['medical', 'elderly'], skill: '医疗' },
    { label: '文艺轻骑兵', categories: ['elderly', 'children'], skill: '文艺演出' },
  ],
  paired: ['区供电公司', '建设银行市中支行', '区人民医院', '鲁南律师事务所', '区市场监管局', '枣庄学院', '区税务局', '鑫源超市'].map((label) => ({
    label,
    categories: ['convenience', 'facilities', 'disability', 'employment'],
    skill: '维修',
  })),
  thinkTank: [
    { label: '法律', categories: ['legal', 'dispute'], skill: '法律咨询', module: 'legal' },
    { label: '心理', categories: ['mental'], skill: '心理疏导', module: 'mental' },
    { label: '医疗', categories: ['medical'], skill: '医疗', module: 'medical' },
    { label: '就业', categories: ['employment'], skill: '就业指导', module: 'employment' },
    { label: '综合', categories: ['legal', 'mental', 'employment', 'dispute'], skill: '调解纠纷', module: 'general' },
  ],
};

/** What a team says of itself on its page. */
const descriptions: Record<TeamType, (community: string, label: string) => string> = {
  own: (c, l) => `${c}${l}志愿服务队由社区领办，队员多为本社区居民，常年开展助老助残、环境整治和便民服务。`,
  party: (c) => `${c}党员志愿服务队，在职党员"双报到"后就近编入，每月主题党日集中开展服务。`,
  roving: (c, l) => `以${c}为基地的${l}流动服务队，按街道排班到各社区巡回服务。`,
  paired: (c, l) => `${l}与${c}结对共建，发挥单位专业优势定期进社区服务。`,
  thinkTank: (c, l) => `${c}${l}智囊团由专业人士组成，提供${l}方面的咨询和专业服务。`,
};

const teamName = (type: TeamType, community: string, label: string) =>
  type === 'paired' ? `${label}·${community}结对共建服务队` : type === 'thinkTank' ? `${community}${label}智囊团` : type === 'roving' ? `${community}${label}流动服务队` : `${community}${label}志愿服务队`;

/** Every community gets its own team and (from two teams on) a party-member team; the rest vary. */
function typesFor(rng: Rng, count: number): TeamType[] {
  const extra: TeamType[] = ['roving', 'paired', 'thinkTank', 'own', 'party'];
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'own' : i === 1 ? 'party' : rng.weighted(extra, [35, 25, 20, 10, 10])));
}

function teamsPerCommunity(rng: Rng, communities: number, total: number): number[] {
  const counts = new Array<number>(communities).fill(Math.max(1, Math.floor(total / communities)));
  for (const i of rng.sample([...counts.keys()], Math.max(0, total - counts.reduce((s, n) => s + n, 0)))) counts[i]! += 1;
  return counts;
}

/**
 * Plans ~N teams over the communities, each led by one of the community's volunteers (preferring the
 * flavour's skill) with 5–30 members from the same community. Leaders get the teamLeader role here,
 * in the plan, so the accounts step writes it. Community 1's first team is the fixed demo leader's
 * 文化社区红马甲志愿服务队, with the fixed demo volunteer among its members.
 */
export function planTeams(seed: number, total: number, cast: Cast): DemoTeam[] {
  const rng = streamRng(seed, 'teams');
  const counts = teamsPerCommunity(rng, cast.regions.communities.length, total);
  const leading = new Set<string>([cast.fixed.teamLeader.id]);
  const planned: DemoTeam[] = [];
  cast.regions.communities.forEach((community, c) => {
    const volunteers = cast.volunteersIn.get(community.id) ?? [];
    const used = new Set<string>();
    const unused = (t: TeamType) => flavours[t].filter((f) => !used.has(teamName(t, community.name, f.label)));
    typesFor(rng, counts[c]!).forEach((wanted, i) => {
      const showcase = c === 0 && i === 0;
      // names are unique within a community; a type whose names are used up gives way to another
      const type = unused(wanted).length ? wanted : (['roving', 'paired', 'own', 'thinkTank'] as const).find((t) => unused(t).length)!;
      const flavour = showcase ? flavours.own[0]! : rng.pick(unused(type));
      const name = teamName(type, community.name, flavour.label);
      used.add(name);
      const free = volunteers.filter((v) => !leading.has(v.id));
      const skilled = free.filter((v) => v.skills.includes(flavour.skill));
      const leader = showcase ? cast.fixed.teamLeader : rng.pick(skilled.length ? skilled : free.length ? free : volunteers);
      leading.add(leader.id);
      const members = new Set<string>([leader.id, ...(showcase ? [cast.fixed.volunteer.id] : [])]);
      for (const v of rng.sample(volunteers, rng.int(5, 30))) members.add(v.id);
      planned.push({
        id: demoUuid(seed, `team:${community.code}:${i + 1}`), name, type, communityId: community.id, leaderId: leader.id, memberIds: [...members], categories: flavour.categories, createdDaysAgo: rng.int(400, 1500),
        ...(type === 'thinkTank' ? { thinkTankModule: flavour.module } : {}), description: descriptions[type](community.name, flavour.label), requesterIds: [],
      });
      giveLeaderRole(leader);
    });
  });
  planRequests(seed, planned, cast);
  return planned;
}

/**
 * Join requests waiting for the leader: the fixed demo leader's team has two, about a third of the
 * others one to three, from volunteers of the community not in the team. Its own random stream, so
 * the teams themselves (and every step after them) are planned as before.
 */
function planRequests(seed: number, planned: DemoTeam[], cast: Cast) {
  const rng = streamRng(seed, 'team-requests');
  planned.forEach((team, i) => {
    const count = i === 0 ? 2 : rng.chance(0.33) ? rng.int(1, 3) : 0;
    if (count === 0) return;
    const members = new Set(team.memberIds);
    const outside = (cast.volunteersIn.get(team.communityId) ?? []).filter((v) => !members.has(v.id) && v.id !== cast.fixed.volunteer.id);
    team.requesterIds = rng.sample(outside, count).map((v) => v.id);
  });
}

function giveLeaderRole(person: DemoPerson) {
  if (!person.roles.includes('teamLeader')) person.roles.push('teamLeader');
}

const DAY = 86_400_000;

export const teamsStep: DemoStep = {
  name: 'teams',
  title: '志愿服务队 | volunteer teams',
  async run({ tx, plan, deps }) {
    const districtId = plan.regions.district.id;
    const now = deps.clock.now().getTime();
    await inBatches(plan.teams, (batch) =>
      tx.insert(teams).values(
        batch.map((t) => ({
          districtId, id: t.id, name: t.name, type: t.type, thinkTankModule: t.thinkTankModule ?? null, regionId: t.communityId, leaderId: t.leaderId, categories: t.categories,
          description: t.description, createdAt: new Date(now - t.createdDaysAgo * DAY), updatedAt: new Date(now - t.createdDaysAgo * DAY),
        })),
      ),
    );
    const members = plan.teams.flatMap((t) => t.memberIds.map((accountId, i) => ({ districtId, teamId: t.id, accountId, joinedAt: new Date(now - (t.createdDaysAgo - Math.min(i, 300)) * DAY) })));
    await inBatches(members, (batch) => tx.insert(teamMembers).values(batch));
    const requests = plan.teams.flatMap((t) => t.requesterIds.map((accountId, i) => ({ districtId, id: demoUuid(plan.seed, `team-request:${t.id}:${accountId}`), teamId: t.id, accountId, message: i === 0 ? '我住在本社区，时间比较灵活，希望加入。' : null, createdAt: new Date(now - (i + 1) * 3_600_000) })));
    await inBatches(requests, (batch) => tx.insert(teamJoinRequests).values(batch));
    return { teams: plan.teams.length, teamMembers: members.length, teamLeaders: new Set(plan.teams.map((t) => t.leaderId)).size, thinkTanks: plan.teams.filter((t) => t.thinkTankModule).length, joinRequests: requests.length };
  },
};

import { eq } from 'drizzle-orm';
import { isInServicePartyMember, missingSkills } from '../modules/posts/posts.policy.js';
import { postTemplates, posts } from '../modules/posts/posts.table.js';
import { createSink } from './bulk.js';
import { castOf } from './cast.js';
import type { DemoStep } from './context.js';
import { inBatches } from './context.js';
import { demoUuid } from './identity.js';
import type { DemoPerson } from './plan.js';
import { streamRng } from './random.js';
import { shanghaiDay } from '../platform/clock/clock.js';

const DAY = 86_400_000;
const places = ['社区党群服务中心', '小区南门岗亭', '社区新时代文明实践站', '幸福食堂', '四点半课堂教室', '垃圾分类投放点', '社区广场', '楼栋长工作室'];

/**
 * Posts (岗位) in every community, from the district's sixteen public service posts: quotas 2–20,
 * claimed by the community's volunteers (and some of its street's) whose skills fit, in-service party
 * members (在职党员) first in line, as the seeds tell (2,104 of them claimed 3,862 posts); about one in
 * four is full. Counters equal the claim rows, as the claim's UPDATE keeps them.
 */
export const postsStep: DemoStep = {
  name: 'posts',
  title: '志愿服务岗位 | volunteer posts',
  async run({ tx, plan, deps }) {
    const districtId = plan.regions.district.id;
    const cast = castOf(plan.regions, plan.people);
    const rng = streamRng(plan.seed, 'posts');
    const templates = await tx.select().from(postTemplates).where(eq(postTemplates.districtId, districtId));
    const now = deps.clock.now().getTime();
    const perCommunity = plan.scale === 'full' ? 8 : 4;
    const volunteersOfStreet = new Map<string, DemoPerson[]>();
    for (const c of plan.regions.communities) volunteersOfStreet.set(c.parentId!, [...(volunteersOfStreet.get(c.parentId!) ?? []), ...(cast.volunteersIn.get(c.id) ?? [])]);

    const rows: (typeof posts.$inferInsert)[] = [];
    const claims = createSink(tx, 'post_claims', { district_id: 'uuid', post_id: 'uuid', volunteer_id: 'uuid', in_service: 'bool', assigned_by: 'uuid', claimed_at: 'timestamptz' });
    let inService = 0;
    let full = 0;
    for (const community of plan.regions.communities) {
      const publisher = cast.staffAt.get(community.id) ?? cast.fixed.communityAdmin;
      const home = cast.volunteersIn.get(community.id) ?? [];
      const street = (volunteersOfStreet.get(community.parentId!) ?? []).filter((v) => !home.includes(v));
      for (const [i, tpl] of rng.sample(templates, perCommunity).entries()) {
        const id = demoUuid(plan.seed, `post:${community.id}:${i}`);
        const quota = rng.int(2, 20);
        const createdAt = now - rng.int(10, 300) * DAY;
        const endsOn = rng.chance(0.5) ? null : shanghaiDay(new Date(now + rng.int(30, 240) * DAY));
        // who would take it: fitting volunteers nearby, in-service party members first
        const fits = (v: DemoPerson) => missingSkills(tpl.skills, v.skills).length === 0;
        const pool = [...rng.sample(home.filter(fits), 40), ...rng.sample(street.filter(fits), 10)];
        pool.sort((a, b) => Number(isInServicePartyMember(b.skills)) - Number(isInServicePartyMember(a.skills)));
        const wanted = rng.chance(0.25) ? quota : rng.int(0, quota - 1);
        const takers = pool.slice(0, Math.min(wanted, pool.length));
        if (takers.length === quota) full++;
        for (const v of takers) {
          const party = isInServicePartyMember(v.skills);
          if (party) inService++;
          claims.push({ district_id: districtId, post_id: id, volunteer_id: v.id, in_service: party, assigned_by: null, claimed_at: new Date(createdAt + rng.int(1, 9) * DAY).toISOString() });
        }
        rows.push({
          districtId, id, regionId: community.id, typeId: tpl.typeId, title: tpl.name, duties: tpl.duties, skills: tpl.skills, quota, claimed: takers.length,
          startsOn: shanghaiDay(new Date(createdAt)), endsOn, place: `${community.name}${rng.pick(places)}`, status: rng.chance(0.05) ? 'closed' : 'open',
          createdBy: publisher.id, createdAt: new Date(createdAt), updatedAt: new Date(createdAt),
        });
      }
    }
    await inBatches(rows, (batch) => tx.insert(posts).values(batch), 500);
    await claims.flush();
    return { posts: rows.length, postClaims: claims.written, postClaimsInService: inService, fullPosts: full };
  },
};

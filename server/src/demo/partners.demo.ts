import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/client.js';
import type { PartnerType } from '../modules/partners/partners.policy.js';
import type { DemoStep } from './context.js';
import { fixedAccounts } from './fixed-accounts.js';
import { demoUuid } from './identity.js';

/** The demo's partner units: the work units its in-service party members name (volunteers.demo.ts), and a few more. */
const demoUnits: [name: string, type: PartnerType, address: string][] = [
  ['县税务局', 'organ', '县城人民路 18 号'],
  ['县人民医院', 'institution', '县城健康路 2 号'],
  ['县第一中学', 'institution', '县城文化路 66 号'],
  ['县自然资源局', 'organ', '县城人民路 40 号'],
  ['县供电公司', 'soe', '县城光明大道 9 号'],
  ['县农商银行', 'soe', '县城商业街 12 号'],
  ['县市场监督管理局', 'organ', '县城人民路 52 号'],
  ['县交通运输局', 'organ', '县城建设路 7 号'],
  ['县住建局', 'organ', '县城建设路 15 号'],
  ['县人社局', 'organ', '县城人民路 60 号'],
  ['县实验小学', 'institution', '县城育才路 3 号'],
  ['县卫健局', 'organ', '县城健康路 20 号'],
  ['县邮政分公司', 'soe', '县城邮电路 1 号'],
  ['县义工联合会', 'social', '县城新华路 88 号'],
  ['县图书馆', 'institution', '县城文化路 10 号'],
];

const PARTNER = fixedAccounts.find((a) => a.roles.includes('partner'))!;

/**
 * 共建单位 and 双报到 in the demo district: each unit a partner row of the whistles catalogue (鑫源超市,
 * the fixed partner account's shop, is one already) with its profile; its in-service party members
 * point at it (`work_unit_id`), it pairs with the (up to four) communities most of them live in, and
 * the member first by a stable hash is its contact (given the `partner` role; never a fixed demo account, whose roles the login table shows). 鑫源超市 gets eight
 * party members of the first community as its own in-service members. All in SQL, by stable hashes.
 */
export const partnersStep: DemoStep = {
  name: 'partners',
  title: '共建单位 | partner units',
  async run({ tx, plan }) {
    const districtId = plan.regions.district.id;
    const shopId = demoUuid(plan.seed, 'unit:partner');
    const rows = demoUnits.map(([name, type, address], i) => ({ id: demoUuid(plan.seed, `unit:partner:${name}`), name, type, address, sort: 300 + i }));
    await tx.execute(sql`
      INSERT INTO units (district_id, id, name, kind, region_id, sort_order)
      VALUES ${sql.join(rows.map((u) => sql`(${districtId}, ${u.id}, ${u.name}, 'partner', ${districtId}, ${u.sort})`), sql`, `)}`);
    await tx.execute(sql`
      INSERT INTO partner_units (district_id, unit_id, type, address)
      VALUES ${sql.join([...rows.map((u) => sql`(${districtId}, ${u.id}, ${u.type}, ${u.address})`), sql`(${districtId}, ${shopId}, 'private', '光明路 8 号')`], sql`, `)}`);
    // the shop's own in-service party members: eight party members of the first community
    await tx.execute(sql`
      UPDATE volunteers SET in_service = true, work_unit = ${PARTNER.name}
      WHERE district_id = ${districtId} AND account_id IN (
        SELECT account_id FROM volunteers
        WHERE district_id = ${districtId} AND status = 'active' AND political_status = 'party' AND NOT in_service AND community_id = ${plan.regions.communities[0]!.id}
          AND account_id NOT IN (SELECT id FROM accounts WHERE district_id = ${districtId} AND phone LIKE '1380000%')
        ORDER BY hashtext(account_id::text) LIMIT 8)`);
    await tx.execute(sql`
      UPDATE volunteers v SET work_unit_id = u.id
      FROM units u
      WHERE v.district_id = ${districtId} AND u.district_id = v.district_id AND u.kind = 'partner' AND u.name = v.work_unit AND v.in_service
        AND u.id IN (SELECT unit_id FROM partner_units WHERE district_id = ${districtId})`);
    // 共建社区: where most of its members live (the shop: its own community)
    await tx.execute(sql`
      INSERT INTO partner_unit_communities (district_id, unit_id, community_id)
      SELECT ${districtId}::uuid, work_unit_id, community_id FROM (
        SELECT work_unit_id, community_id, row_number() OVER (PARTITION BY work_unit_id ORDER BY count(*) DESC, community_id) AS k
        FROM volunteers WHERE district_id = ${districtId} AND work_unit_id IS NOT NULL AND work_unit_id <> ${shopId}
        GROUP BY work_unit_id, community_id) c
      WHERE k <= 4
      UNION SELECT ${districtId}::uuid, ${shopId}::uuid, ${plan.regions.communities[0]!.id}::uuid`);
    // a unit none of whose members lives here yet pairs with one community all the same (by its place in the list)
    const communities = plan.regions.communities;
    await tx.execute(sql`
      INSERT INTO partner_unit_communities (district_id, unit_id, community_id)
      SELECT ${districtId}::uuid, p.unit_id, p.community_id FROM (VALUES ${sql.join(rows.map((u, i) => sql`(${u.id}::uuid, ${communities[i % communities.length]!.id}::uuid)`), sql`, `)}) AS p(unit_id, community_id)
      WHERE NOT EXISTS (SELECT 1 FROM partner_unit_communities c WHERE c.district_id = ${districtId} AND c.unit_id = p.unit_id)`);
    // a contact for each new unit: its member first by a stable hash (the shop's is the fixed account)
    const contacts = await queryRows<{ unit_id: string; account_id: string }>(tx, sql`
      SELECT DISTINCT ON (work_unit_id) work_unit_id AS unit_id, account_id FROM volunteers
      WHERE district_id = ${districtId} AND work_unit_id IS NOT NULL AND work_unit_id <> ${shopId} AND status = 'active'
        AND account_id NOT IN (SELECT id FROM accounts WHERE district_id = ${districtId} AND phone LIKE '1380000%')
      ORDER BY work_unit_id, hashtext(account_id::text)`);
    if (contacts.length > 0) {
      const pairs = sql.join(contacts.map((c) => sql`(${c.unit_id}::uuid, ${c.account_id}::uuid)`), sql`, `);
      await tx.execute(sql`UPDATE units u SET contact_account_id = p.account_id FROM (VALUES ${pairs}) AS p(unit_id, account_id) WHERE u.district_id = ${districtId} AND u.id = p.unit_id`);
      await tx.execute(sql`UPDATE accounts a SET roles = array_append(a.roles, 'partner') FROM (VALUES ${pairs}) AS p(unit_id, account_id) WHERE a.district_id = ${districtId} AND a.id = p.account_id AND NOT 'partner' = ANY(a.roles)`);
    }
    // 结对共建: each paired team with a unit that pairs with its community (any unit, where none does)
    await tx.execute(sql`
      INSERT INTO partner_unit_teams (district_id, team_id, unit_id, paired_at)
      SELECT t.district_id, t.id,
             coalesce((SELECT c.unit_id FROM partner_unit_communities c WHERE c.district_id = t.district_id AND c.community_id = t.region_id ORDER BY hashtext(c.unit_id::text || t.id::text) LIMIT 1),
                      (SELECT p.unit_id FROM partner_units p WHERE p.district_id = t.district_id ORDER BY hashtext(p.unit_id::text || t.id::text) LIMIT 1)),
             t.created_at
      FROM teams t WHERE t.district_id = ${districtId} AND t.type = 'paired'
      ON CONFLICT DO NOTHING`);
    const [counts] = await queryRows<{ units: number; members: number; paired: number }>(tx, sql`
      SELECT (SELECT count(*)::int FROM partner_units WHERE district_id = ${districtId}) AS units,
             (SELECT count(*)::int FROM volunteers WHERE district_id = ${districtId} AND work_unit_id IS NOT NULL) AS members,
             (SELECT count(*)::int FROM partner_unit_teams WHERE district_id = ${districtId}) AS paired`);
    return { partnerUnits: counts!.units, inServiceMembers: counts!.members, pairedTeams: counts!.paired };
  },
};

import { sql } from 'drizzle-orm';
import { createSink } from '../demo/bulk.js';
import { channels, needKinds, severities } from '../modules/needs/needs.enums.js';
import type { NeedStatus } from '../modules/needs/needs.lifecycle.js';
import { queryRows, type Db } from '../platform/db/client.js';
import type { Fixture } from './fixtures.js';

const columns = {
  district_id: 'uuid', id: 'uuid', number: 'text', kind: 'text', category_id: 'uuid', title: 'text', description: 'text', region_id: 'uuid',
  address: 'text', requester_id: 'uuid', requester_name: 'text', requester_phone: 'text', severity: 'text', channel: 'text', status: 'text',
  team_id: 'uuid', accepted_at: 'timestamptz', deadline_at: 'timestamptz', completed_at: 'timestamptz', rating: 'int4', created_by: 'uuid',
  created_at: 'timestamptz', updated_at: 'timestamptz',
} as const;

const statuses: NeedStatus[] = ['submitted', 'accepted', 'dispatched', 'pooled', 'claimed', 'in_service', 'completed', 'rated', 'closed', 'rejected', 'cancelled'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const given = ['秀英', '桂兰', '建国', '国华', '淑珍', '志强', '丽娟', '德明', '玉梅', '海涛'];
const titles = ['老人需要上门理发', '楼道灯不亮', '孩子想要一个书包', '帮忙代买药品', '下水道堵塞', '陪同老人就医', '楼下垃圾堆积', '独居老人探访'];
const DAY = 86_400_000;

/**
 * Writes `count` needs into district D of the fixture in one statement per 5,000 rows (the demo
 * generator's column-wise sink), spread over C1's and C2's buildings and community C3, over the past
 * year, in every kind, channel, severity and a spread of states. Every 7th row shares its creation
 * time with the row before, and times carry microseconds, so keyset paging meets ties and sub-millisecond
 * order. Deterministic for a given count. Answers the rows per community key.
 */
export async function seedNeedsInBulk(db: Db, fx: Fixture, count: number): Promise<Record<'C1' | 'C2' | 'C3', number>> {
  const districtId = fx.region.D!.districtId;
  const cats = await queryRows<{ id: string }>(db, sql`SELECT id FROM need_categories WHERE district_id = ${districtId} AND parent_id IS NOT NULL ORDER BY code`);
  if (cats.length === 0) throw new Error('seedNeedsInBulk: the district has no categories (ensureDefaults first)');
  const places = [
    { key: 'C1', regionId: fx.region.B1!.id, teamId: fx.team.T1!.id },
    { key: 'C2', regionId: fx.region.B2!.id, teamId: fx.team.T2!.id },
    { key: 'C3', regionId: fx.region.C3!.id, teamId: null },
  ] as const;
  const perCommunity = { C1: 0, C2: 0, C3: 0 };
  const now = Date.now();
  let at = now - 365 * DAY;
  let tick = 0;
  const step = (365 * DAY) / Math.max(1, count);
  await db.transaction(async (tx) => {
    const sink = createSink(tx, 'needs', columns);
    for (let i = 0; i < count; i++) {
      if (i % 7 !== 0) {
        at += step;
        tick++;
      }
      const place = places[i % 3]!;
      perCommunity[place.key]++;
      const status = statuses[(i * 7) % statuses.length]!;
      const dispatched = !['submitted', 'accepted', 'pooled', 'rejected', 'cancelled'].includes(status) && place.teamId;
      const accepted = status !== 'submitted' && status !== 'rejected' && status !== 'cancelled';
      const done = ['completed', 'rated', 'closed'].includes(status);
      const micros = String(tick % 1000).padStart(3, '0');
      const created = new Date(Math.floor(at)).toISOString().replace('Z', `${micros}Z`);
      const name = `${surnames[i % surnames.length]}${given[Math.floor(i / 10) % given.length]}`;
      sink.push({
        district_id: districtId,
        id: globalThis.crypto.randomUUID(),
        number: `BK${String(i).padStart(8, '0')}`,
        kind: needKinds[i % needKinds.length]!,
        category_id: cats[i % cats.length]!.id,
        title: `${titles[i % titles.length]}（${i}）`,
        description: '家中老人行动不便，希望社区志愿者帮忙，时间上午九点以后都可以，谢谢。',
        region_id: place.regionId,
        address: `${place.key}小区${(i % 12) + 1}号楼${(i % 6) + 1}单元${(i % 30) + 101}`,
        requester_id: null,
        requester_name: name,
        requester_phone: `138${String(i).padStart(8, '0')}`,
        severity: severities[i % severities.length]!,
        channel: channels[i % channels.length]!,
        status,
        team_id: dispatched ? place.teamId : null,
        accepted_at: accepted ? new Date(at + 3600_000).toISOString() : null,
        deadline_at: accepted ? new Date(at + 3 * DAY).toISOString() : null,
        completed_at: done ? new Date(at + 2 * DAY).toISOString() : null,
        rating: status === 'rated' || status === 'closed' ? (i % 5) + 1 : null,
        created_by: fx.person.districtAdmin!.id,
        created_at: created,
        updated_at: created,
      });
      if (sink.pending >= 5000) await sink.flush();
    }
    await sink.flush();
  });
  return perCommunity;
}

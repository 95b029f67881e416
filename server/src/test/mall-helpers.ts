import type { TestApp } from './harness.js';
import { shanghaiDay } from '../platform/clock/clock.js';

/** Gives people points through the real ledger (a manual credit from their community's points), in one transaction. */
export async function creditPoints(t: TestApp, districtId: string, communityId: string, people: { id: string; points: number }[]) {
  const ledger = t.app.services.ledger;
  await t.database.db.transaction(async (tx) => {
    for (const p of people) {
      await ledger.post(tx, districtId, {
        key: `test-credit:${p.id}:${crypto.randomUUID()}`,
        kind: 'earn',
        source: 'manual',
        memo: 'test credit',
        effectiveOn: shanghaiDay(t.clock.now()),
        lines: [
          { kind: 'community.points', ownerId: communityId, amount: -p.points * 100, communityId },
          { kind: 'volunteer.points', ownerId: p.id, amount: p.points * 100, communityId },
        ],
      });
    }
  });
}

/** An item body valid from today for a month. */
export function itemBody(t: TestApp, over: Record<string, unknown> = {}) {
  const today = shanghaiDay(t.clock.now());
  const later = shanghaiDay(new Date(t.clock.now().getTime() + 30 * 86_400_000));
  return { category: 'goods', name: '洗衣液一瓶', description: '2 升装', price: 20, stock: 10, perPersonLimit: 3, validFrom: today, validTo: later, pickupPlace: '社区党群服务中心一楼', pickupNotes: '工作日 9:00–17:00', ...over };
}

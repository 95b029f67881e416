import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import { createFieldCrypto } from '../crypto/crypto.js';
import { queryRows } from '../db/client.js';
import { createOutboxNotifier } from './notify.js';

describe('the outbox notifier', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const fieldCrypto = createFieldCrypto(crypto.randomBytes(32));
  const notifier = createOutboxNotifier({ crypto: fieldCrypto });
  const districtId = crypto.randomUUID();
  beforeAll(async () => {
    database = await freshDatabase('pglite');
  });
  afterAll(() => database.drop());

  const rows = () => queryRows<{ recipient_enc: string; template: string; params: unknown; status: string }>(database.db, sql`SELECT * FROM outbound_messages ORDER BY created_at`);

  it('queues a pending SMS whose number is encrypted, not stored in clear', async () => {
    expect(await notifier.toPhone(database.db, { districtId, phone: '13911112222', template: 'test.hello', params: { name: '张三' } })).toEqual({ queued: true });
    const [row] = await rows();
    expect(row).toMatchObject({ template: 'test.hello', params: { name: '张三' }, status: 'pending' });
    expect(fieldCrypto.decrypt(row!.recipient_enc)).toBe('13911112222');
    expect(JSON.stringify(row)).not.toContain('13911112222');
  });

  it('queues a message once per dedupe key and phone', async () => {
    const message = { districtId, phone: '13911113333', template: 'test.once', dedupeKey: 'k1' };
    expect(await notifier.toPhone(database.db, message)).toEqual({ queued: true });
    expect(await notifier.toPhone(database.db, message)).toEqual({ queued: false });
    expect(await notifier.toPhone(database.db, { ...message, phone: '13911114444' })).toEqual({ queued: true });
    expect(await notifier.toPhone(database.db, { ...message, dedupeKey: 'k2' })).toEqual({ queued: true });
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const before = (await rows()).length;
    await database.db
      .transaction(async (tx) => {
        await notifier.toPhone(tx, { districtId, phone: '13911115555', template: 'test.rollback' });
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    expect(await rows()).toHaveLength(before);
  });
});

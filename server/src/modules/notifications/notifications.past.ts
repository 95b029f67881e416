import { sql } from 'drizzle-orm';
import { unnestRows } from '../../platform/db/arrays.js';
import { queryRows, type DbOrTx } from '../../platform/db/client.js';
import type { SubjectType } from './notifications.policy.js';
import { inboxMessages } from './notifications.table.js';

/** A message of the past: what `notify` was given (its key, type, recipients, subject, params) at `at`, read at `readAt` (null: not yet). */
export type PastMessage = {
  key: string;
  type: string;
  recipients: string[];
  subject: { type: SubjectType; id: string; label: string };
  params?: Record<string, string | number>;
  at: Date;
  readAt: Date | null;
};

/** Rows a statement carries: each column is one array parameter, so a statement of this many is parsed and planned once. */
const ROWS_A_STATEMENT = 5000;

/**
 * Writes messages of the past (the demo's history) as `notify` would have written them then, in bulk:
 * one statement per 5,000 recipients instead of one per message. Exactly once per key and recipient,
 * like `notify` (ON CONFLICT DO NOTHING); nothing goes to the outside channels, the moment is gone.
 * Answers the messages written.
 */
export async function recordPast(tx: DbOrTx, districtId: string, messages: readonly PastMessage[]): Promise<number> {
  const rows = messages.flatMap((m) => [...new Set(m.recipients)].map((accountId) => ({ m, accountId })));
  let written = 0;
  for (let i = 0; i < rows.length; i += ROWS_A_STATEMENT) {
    const page = rows.slice(i, i + ROWS_A_STATEMENT);
    const column = <T>(of: (r: (typeof page)[number]) => T) => page.map(of);
    const [inserted] = await queryRows<{ n: number }>(tx, sql`
      WITH written AS (INSERT INTO ${inboxMessages} (district_id, account_id, source_key, type, subject_type, subject_id, subject_label, params, created_at, read_at)
      SELECT ${districtId}::uuid, m.account_id, m.source_key, m.type, m.subject_type, m.subject_id, m.subject_label, m.params::jsonb, m.created_at, m.read_at
      FROM ${unnestRows('m', {
        account_id: [column((r) => r.accountId), 'uuid'],
        source_key: [column((r) => r.m.key), 'text'],
        type: [column((r) => r.m.type), 'text'],
        subject_type: [column((r) => r.m.subject.type), 'text'],
        subject_id: [column((r) => r.m.subject.id), 'uuid'],
        subject_label: [column((r) => r.m.subject.label), 'text'],
        params: [column((r) => JSON.stringify(r.m.params ?? {})), 'text'],
        created_at: [column((r) => r.m.at.toISOString()), 'timestamptz'],
        read_at: [column((r) => r.m.readAt?.toISOString() ?? null), 'timestamptz'],
      })}
      ON CONFLICT DO NOTHING RETURNING 1)
      SELECT count(*)::int AS n FROM written`);
    written += inserted?.n ?? 0;
  }
  return written;
}

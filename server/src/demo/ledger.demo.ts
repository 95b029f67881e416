import { sql } from 'drizzle-orm';
import { queryRows } from '../platform/db/client.js';
import type { AuditService } from '../modules/audit/audit.service.js';
import { creditServices } from '../modules/ledger/ledger.credit.js';
import { ledgerRules } from '../modules/ledger/ledger.rules.js';
import type { DemoStep } from './context.js';
import { fixedAccounts } from './fixed-accounts.js';

/**
 * The time bank's passbooks (储蓄存折): the demo year's verified services (orders and activities, as
 * the volunteers' record holds them) credited through the real crediting code — hours, and points by
 * the district's rules in force on each service day, within the caps. Only the fixed demo accounts'
 * for now (a few dozen services): the whole year (thousands) is the demo-data part of the ledger's
 * issue, and crediting it at once takes seconds this step must not spend.
 */
export const ledgerStep: DemoStep = {
  name: 'ledger',
  async run({ deps, tx, plan }) {
    const districtId = plan.regions.district.id;
    const rows = await queryRows<{ account_id: string; community_id: string | null; source: 'order' | 'activity'; source_id: string; title: string; served_on: string; hours: string; facts: { rating?: number | null; severity?: string | null; themed?: boolean | null } | null }>(
      tx,
      sql`SELECT e.account_id, v.community_id, e.source, e.source_id, e.title, e.served_on::text AS served_on, e.hours::text AS hours, e.facts
          FROM volunteer_service_entries e JOIN volunteers v ON v.district_id = e.district_id AND v.account_id = e.account_id
          JOIN accounts a ON a.district_id = e.district_id AND a.id = e.account_id
          WHERE e.district_id = ${districtId} AND a.phone IN (${sql.join(fixedAccounts.map((f) => sql`${f.phone}`), sql`, `)}) ORDER BY e.served_on`,
    );
    // reading the rules writes no audit: the step needs none
    const ctx = await ledgerRules({ ...deps, audit: undefined as unknown as AuditService }).context(tx, districtId);
    const credited = await creditServices(
      tx,
      districtId,
      rows.map((e) => ({ accountId: e.account_id, communityId: e.community_id, source: e.source, sourceId: e.source_id, title: e.title, servedOn: e.served_on, hours: e.hours, ...e.facts })),
      ctx,
      deps.clock.now(),
    );
    return { ledgerCredits: credited };
  },
};

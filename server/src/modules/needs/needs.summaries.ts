import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import { regions } from '../../platform/scope/regions.table.js';
import type { SeverityCode } from './needs.enums.js';
import type { NeedStatus } from './needs.lifecycle.js';
import { needs } from './needs.table.js';

/** What another module shows of a need it works on (a whistle's item): no requester, no personal data. */
export type NeedSummary = {
  id: string;
  number: string;
  kind: string;
  title: string;
  description: string;
  severity: SeverityCode;
  status: NeedStatus;
  regionId: string;
  regionName: string;
  regionPath: string;
  address: string | null;
  acceptedAt: Date | null;
  deadlineAt: Date | null;
};

/** Summaries of needs by id, without scope (the caller has decided who may see them); joins the caller's transaction. */
export async function needSummaries(db: Db, districtId: string, ids: readonly string[]): Promise<Map<string, NeedSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await currentDb(db)
    .select({
      id: needs.id, number: needs.number, kind: needs.kind, title: needs.title, description: needs.description, severity: needs.severity, status: needs.status,
      regionId: needs.regionId, regionName: regions.name, regionPath: regions.path, address: needs.address, acceptedAt: needs.acceptedAt, deadlineAt: needs.deadlineAt,
    })
    .from(needs)
    .innerJoin(regions, eq(regions.id, needs.regionId))
    .where(and(eq(needs.districtId, districtId), inArray(needs.id, [...ids])));
  return new Map(rows.map((r) => [r.id, { ...r, status: r.status as NeedStatus, severity: r.severity as SeverityCode }]));
}

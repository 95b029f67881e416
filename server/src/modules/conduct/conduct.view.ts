import type { Actor } from '../../platform/auth/actor.js';
import { isStaff } from '../../platform/auth/roles.js';
import { canDecide } from './conduct.policy.js';
import type { EntryRow, IncidentRow } from './conduct.table.js';

type Names = Map<string, { name: string }>;

/** An incident as its reader sees it: the volunteer (their own), or staff over their home. */
export function incidentView(actor: Actor, row: IncidentRow, entry: Pick<EntryRow, 'title' | 'titleEn'> | undefined, names: Names, homes: Map<string, string>) {
  const staff = isStaff(actor.roles);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    accountId: row.accountId,
    volunteerName: names.get(row.accountId)?.name ?? '',
    homeName: homes.get(row.accountId) ?? '',
    entryId: row.entryId,
    entryTitle: entry?.title ?? '',
    entryTitleEn: entry?.titleEn ?? '',
    what: row.what,
    occurredAt: row.occurredAt.toISOString(),
    photos: row.photos,
    points: row.points,
    suspension: row.suspension,
    suspendUntil: row.suspendUntil,
    status: row.status,
    recordedByName: names.get(row.recordedBy)?.name ?? '',
    recordedAt: row.recordedAt.toISOString(),
    appeal: row.appealedAt ? { statement: row.appealStatement ?? '', photos: row.appealPhotos, appealedAt: row.appealedAt.toISOString() } : null,
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    decidedByName: row.decidedBy ? (names.get(row.decidedBy)?.name ?? '') : null,
    decidedAt: iso(row.decidedAt),
    canAppeal: row.accountId === actor.accountId && row.status === 'recorded',
    canDecide: staff && row.status === 'appealing' && canDecide(actor, row),
  };
}

export type IncidentView = ReturnType<typeof incidentView>;

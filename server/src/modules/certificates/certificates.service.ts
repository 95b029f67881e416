import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hasPermission } from '../../platform/auth/roles.js';
import { currentDb } from '../../platform/db/unit-of-work.js';
import type { Uses } from '../../platform/modules/module.js';
import { maskName } from '../../platform/privacy/mask.js';
import { regions } from '../../platform/scope/regions.table.js';
import { formatCode, newCode, readCode } from './certificates.code.js';
import { certificatesError } from './certificates.errors.js';
import { hoursText, renderCertificate } from './certificates.pdf.js';
import { certificates, type CertificateRow } from './certificates.table.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type CertificatesDeps = Uses<'volunteers' | 'audit'>;
export type IssueInput = { volunteerId?: string; from?: string; to?: string };

/** The public verification page of the web app, for a code: what the QR code links to. */
export const verifyPath = (code: string) => `/verify/certificate/${formatCode(code)}`;

function item(row: CertificateRow) {
  const s = row.snapshot;
  return {
    id: row.id,
    code: formatCode(row.code),
    volunteerId: row.accountId,
    name: s.name,
    number: s.number,
    communityName: s.communityName,
    districtName: s.districtName,
    from: row.periodFrom,
    to: row.periodTo,
    totalHours: Number(row.totalHours),
    serviceCount: row.serviceCount,
    issuedAt: row.issuedAt.toISOString(),
    verifyPath: verifyPath(row.code),
  };
}

/**
 * Service record certificates (志愿服务记录证明): a volunteer issues one for themself, staff for a
 * volunteer in their subtree. Only verified hours count — the registry's record of verified service
 * (volunteer_service_entries); what is pending approval is not there. The certificate is frozen when issued.
 */
export function createCertificatesService(deps: CertificatesDeps) {
  const { db, volunteers } = deps;

  /** The volunteer a caller may certify: themself, or (staff who read the registry) one in their subtree; else 404. */
  async function subjectFor(actor: Actor, volunteerId: string | undefined) {
    if (!volunteerId || volunteerId === actor.accountId) {
      const mine = await volunteers.mine(actor);
      if (!mine.volunteer) throw certificatesError('certificates.not_eligible');
      return mine.volunteer;
    }
    if (!hasPermission(actor.roles, 'accounts.read')) throw certificatesError('certificates.not_found', { field: 'volunteerId' });
    return volunteers.detail(actor, volunteerId);
  }

  async function districtName(districtId: string): Promise<string> {
    const [row] = await currentDb(db).select({ name: regions.name }).from(regions).where(and(eq(regions.districtId, districtId), eq(regions.type, 'district'))).limit(1);
    return row?.name ?? '';
  }

  /** A certificate the caller may download: their own, or one of a volunteer in their subtree; else 404. */
  async function loadVisible(actor: Actor, id: string): Promise<CertificateRow> {
    const [row] = await db.select().from(certificates).where(and(eq(certificates.districtId, actor.districtId), eq(certificates.id, id)));
    if (!row) throw certificatesError('certificates.not_found');
    if (row.accountId !== actor.accountId) {
      if (!hasPermission(actor.roles, 'accounts.read')) throw certificatesError('certificates.not_found');
      await volunteers.detail(actor, row.accountId).catch(() => {
        throw certificatesError('certificates.not_found');
      });
    }
    return row;
  }

  return {
    async issue(actor: Actor, input: IssueInput, origin: string) {
      const subject = await subjectFor(actor, input.volunteerId);
      if (!subject.number || (subject.status !== 'active' && subject.status !== 'left')) throw certificatesError('certificates.not_eligible');
      const now = deps.clock.now();
      const today = shanghaiDay(now);
      const from = input.from ?? `${today.slice(0, 4)}-01-01`;
      const to = input.to ?? today;
      if (to > today) throw certificatesError('certificates.bad_period', { field: 'to' });
      if (from > to) throw certificatesError('certificates.bad_period', { field: 'from' });

      return db.transaction(async (tx) => {
        const entries = await volunteers.entriesOf(actor.districtId, subject.id, { from, to, limit: 100_000 });
        const lines = entries.map((e) => ({ servedOn: e.servedOn, title: e.title, hours: e.hours })).reverse();
        const totalHours = Math.round(lines.reduce((sum, l) => sum + l.hours * 100, 0)) / 100;
        const code = newCode();
        const [row] = await tx
          .insert(certificates)
          .values({
            districtId: actor.districtId,
            code,
            accountId: subject.id,
            issuedBy: actor.accountId,
            periodFrom: from,
            periodTo: to,
            totalHours: hoursText(totalHours),
            serviceCount: lines.length,
            snapshot: { name: subject.name, number: subject.number!, communityName: subject.communityName, districtName: await districtName(actor.districtId), lines, verifyUrl: `${origin}${verifyPath(code)}` },
            issuedAt: now,
          })
          .returning();
        await deps.audit.record(actor, { action: 'certificates.issue', objectType: 'volunteer', objectId: subject.id, regionId: actor.regionId, details: { certificateId: row!.id, from, to, totalHours, serviceCount: lines.length } });
        return item(row!);
      });
    },

    /** The caller's own certificates, newest first. */
    async mine(actor: Actor) {
      const rows = await db.select().from(certificates).where(and(eq(certificates.districtId, actor.districtId), eq(certificates.accountId, actor.accountId))).orderBy(desc(certificates.issuedAt)).limit(100);
      return { items: rows.map(item) };
    },

    /** The PDF of an issued certificate, drawn again from its snapshot: the same document every time. */
    async pdf(actor: Actor, id: string) {
      const row = await loadVisible(actor, id);
      const s = row.snapshot;
      const body = await renderCertificate({ ...s, code: row.code, from: row.periodFrom, to: row.periodTo, totalHours: Number(row.totalHours), serviceCount: row.serviceCount, issuedAt: row.issuedAt });
      const rest = `${s.number}-${row.periodFrom}-${row.periodTo}.pdf`;
      return { body, names: { 'zh-CN': `志愿服务证明-${rest}`, en: `certificate-${rest}` } };
    },

    /**
     * The public check of a code: valid with what the certificate says (the name masked, no phone, no
     * ID number); a code never issued is not valid; a typo (the check symbol does not match) or
     * something that is no code at all is said so.
     */
    async verify(typed: string) {
      const read = readCode(typed);
      if ('problem' in read) return { status: read.problem, valid: false, certificate: null };
      const [row] = await db.select().from(certificates).where(eq(certificates.code, read.code)).limit(1);
      if (!row) return { status: 'invalid' as const, valid: false, certificate: null };
      const { volunteerId: _volunteerId, id: _id, verifyPath: _verifyPath, ...shown } = item(row);
      return { status: 'valid' as const, valid: true, certificate: { ...shown, name: maskName(shown.name) ?? '' } };
    },
  };
}

export type CertificatesService = ReturnType<typeof createCertificatesService>;

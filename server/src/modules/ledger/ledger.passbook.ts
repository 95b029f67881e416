import type { Actor } from '../../platform/auth/actor.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { LedgerDeps } from './ledger.deps.js';
import type { Unit } from './ledger.enums.js';
import { ledgerError } from './ledger.errors.js';
import type { Passbook } from './ledger.passbook-pdf.js';
import type { Statement, StatementLine, StatementQuery } from './ledger.statements.js';
import { shanghaiDay } from '../../platform/clock/clock.js';

export type PassbookQuery = { from?: string; to?: string; unit?: Unit };

/** A printed passbook holds at most this many lines (a volunteer's years of service, not a district's). */
const MAX_LINES = 20_000;
const PAGE = 5000;

/**
 * The passbook to print (储蓄存折: PDF and Excel): the person's own, or — for staff over them, the read
 * audited like the statement — a volunteer's; every line of the period, oldest first.
 */
export function ledgerPassbook(deps: LedgerDeps, statement: (districtId: string, accountId: string, q: StatementQuery) => Promise<Statement>) {
  async function build(districtId: string, accountId: string, who: { name: string; number: string | null; communityName: string | null }, q: PassbookQuery, locale: Locale): Promise<Passbook> {
    const first = await statement(districtId, accountId, { ...q, page: 1, pageSize: PAGE });
    const items: StatementLine[] = [...first.items];
    for (let page = 2; items.length < Math.min(first.total, MAX_LINES); page++) items.push(...(await statement(districtId, accountId, { ...q, page, pageSize: PAGE })).items);
    return { locale, ...who, from: first.from, to: first.to, opening: first.opening, closing: first.closing, lines: items.slice(0, MAX_LINES).reverse(), printedOn: shanghaiDay(deps.clock.now()) };
  }
  return {
    /** My own passbook. */
    async myPassbook(actor: Actor, q: PassbookQuery, locale: Locale): Promise<Passbook> {
      const me = await deps.volunteers.mine(actor);
      return build(actor.districtId, actor.accountId, { name: actor.name, number: me.volunteer?.number ?? null, communityName: me.volunteer?.communityName ?? null }, q, locale);
    },

    /** A volunteer's passbook for staff over them (out of scope: 404 like missing); the read is audited. */
    async passbookFor(actor: Actor, volunteerId: string, q: PassbookQuery, locale: Locale, format: 'pdf' | 'xlsx'): Promise<Passbook> {
      const v = await deps.volunteers.detail(actor, volunteerId).catch(() => {
        throw ledgerError('ledger.not_volunteer');
      });
      await deps.audit.record(actor, { action: 'ledger.passbook.read', objectType: 'volunteer', objectId: volunteerId, details: { from: q.from ?? null, to: q.to ?? null, format } });
      return build(actor.districtId, volunteerId, { name: v.name, number: v.number, communityName: v.communityName }, q, locale);
    },
  };
}

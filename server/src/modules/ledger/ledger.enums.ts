/** The two units of the ledger: service hours (时间银行) and points (积分). */
export const units = ['hours', 'points'] as const;
export type Unit = (typeof units)[number];

/** What a posting does (SPEC §7). */
export const postingKinds = ['earn', 'spend', 'adjust', 'reverse', 'expire'] as const;
export type PostingKind = (typeof postingKinds)[number];

/** Where a posting comes from. */
export const postingSources = ['order', 'activity', 'rule', 'redemption', 'appeal', 'manual', 'withdrawal', 'conduct'] as const;
export type PostingSource = (typeof postingSources)[number];

/**
 * The kinds of account. A volunteer's passbook holds `volunteer.hours` and `volunteer.points`; a
 * community issues hours and points (`community.hours`, `community.points`, the only accounts that run
 * negative); a mall provider (community or partner unit) collects points in `provider.points`, held in
 * `provider.held` while a redemption waits for pickup; a time-bank withdrawal holds hours in
 * `withdrawal.held` (one per need) until the need closes or is cancelled.
 */
export const accountKinds = ['volunteer.hours', 'volunteer.points', 'community.hours', 'community.points', 'provider.points', 'provider.held', 'withdrawal.held'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const accountUnit: Record<AccountKind, Unit> = {
  'volunteer.hours': 'hours',
  'volunteer.points': 'points',
  'community.hours': 'hours',
  'community.points': 'points',
  'provider.points': 'points',
  'provider.held': 'points',
  'withdrawal.held': 'hours',
};

/** Issuing accounts may run negative (minus what they issued); every other balance stays ≥ 0. */
export const mayRunNegative = (kind: AccountKind) => kind === 'community.hours' || kind === 'community.points';

/** Busy shared accounts spread their balance over several rows so concurrent postings don't queue on one. */
export const shardsOf = (kind: AccountKind) => (kind === 'community.hours' || kind === 'community.points' || kind === 'provider.held' || kind === 'provider.points' ? 8 : 1);

/** What applies a points rule automatically; `manual` rules are applied by staff. */
export const ruleTriggers = ['perHour', 'ratingFive', 'majorItem', 'themedDay', 'firstService', 'noShow', 'lateCancellation', 'conductIncident', 'manual'] as const;
export type RuleTrigger = (typeof ruleTriggers)[number];

/** For whom a time-bank withdrawal asks: the volunteer, or a family member they name. */
export const withdrawalFor = ['self', 'family'] as const;
export type WithdrawalFor = (typeof withdrawalFor)[number];

/** A withdrawal's state: its hours held while the need is open, then paid (to whoever served; any rest returned) or returned. */
export const withdrawalStates = ['held', 'paid', 'returned'] as const;
export type WithdrawalState = (typeof withdrawalStates)[number];

/**
 * Amounts are exact: numeric(14,2) in the database, integer hundredths here. Never a float sum —
 * 0.1 + 0.2 is not 0.3, and a passbook that is off by a cent is wrong.
 */
export type Cents = number;

const AMOUNT = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/;

/** '12.5' → 1250; throws on anything that is not a decimal with at most two places. */
export function toCents(value: string | number): Cents {
  const text = typeof value === 'number' ? value.toFixed(2) : value.trim();
  const m = AMOUNT.exec(text);
  if (!m) throw new RangeError(`not an amount: ${value}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** 1250 → '12.50' */
export function fromCents(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Points for `hours` at `perHour`, rounded down to the hundredth (never more than the rule gives). */
export function pointsForHours(hours: Cents, perHour: Cents): Cents {
  return Math.floor((hours * perHour) / 100);
}

/**
 * Hours on screen, everywhere but the passbook's statement: one decimal (39.93 → 39.9, 40 → 40), as
 * the star levels, team totals and figures count them. The passbook keeps the ledger's two decimals
 * so that each line's amount and running balance add up on screen.
 */
export const formatHours = (hours: number | string): string => String(Math.round(Number(hours) * 10) / 10);

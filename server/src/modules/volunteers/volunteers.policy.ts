/*
 * The registry's rules, pure: statuses and who moves them, star levels, numbers, availability.
 */

export const volunteerStatuses = ['applied', 'active', 'refused', 'suspended', 'left'] as const;
export type VolunteerStatus = (typeof volunteerStatuses)[number];

export const politicalStatuses = ['masses', 'league', 'party', 'probationary'] as const; // 群众 共青团员 中共党员 预备党员
export type PoliticalStatus = (typeof politicalStatuses)[number];

/** What staff (or the volunteer, or the conduct rules) do to a registration, and from where. */
export const registryMoves = {
  approve: { from: ['applied'], to: 'active' },
  refuse: { from: ['applied'], to: 'refused' },
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  leave: { from: ['active', 'suspended'], to: 'left' },
  // a refused or departed person may apply again; their number, once given, is kept
  reapply: { from: ['refused', 'left'], to: 'applied' },
} as const satisfies Record<string, { from: readonly VolunteerStatus[]; to: VolunteerStatus }>;
export type RegistryMove = keyof typeof registryMoves;

/** Moves that must say why: the volunteer sees the reason. */
export const movesNeedingReason: readonly RegistryMove[] = ['refuse', 'suspend', 'leave'];

export function canMove(move: RegistryMove, from: string): boolean {
  return (registryMoves[move].from as readonly string[]).includes(from);
}

/** 星级: ★100 h, ★★300 h, ★★★600 h, ★★★★1000 h, ★★★★★1500 h of verified service. */
export const starThresholds = [100, 300, 600, 1000, 1500] as const;

export function starLevel(verifiedHours: number): number {
  return starThresholds.filter((h) => verifiedHours >= h).length;
}

/** The fewest hours that reach `stars` (for filters: "at least ★★★"); 0 for no star. */
export function hoursForStars(stars: number): number {
  return stars <= 0 ? 0 : starThresholds[Math.min(stars, starThresholds.length) - 1]!;
}

/** 志愿者编号: the district's prefix and a six-digit sequence, e.g. LX000042. */
export function formatNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A problem with the availability windows, or null: weekdays 1–7, from before to, at most 21 windows. */
export function availabilityProblem(windows: readonly { weekday: number; from: string; to: string }[]): string | null {
  if (windows.length > 21) return 'too_many';
  for (const w of windows) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) return 'weekday';
    if (!hhmm.test(w.from) || !hhmm.test(w.to) || w.from >= w.to) return 'time';
  }
  return null;
}

/** In-service party members (在职党员) below the yearly minimum are behind. */
export function isBehindMinimum(inService: boolean, hoursThisYear: number, minimum: number): boolean {
  return inService && hoursThisYear < minimum;
}

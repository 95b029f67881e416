/**
 * The deadline watch's rules (2310 机制, SPEC §5), pure. A window runs from acceptance to the
 * deadline; at 50 % and 80 % the handler is warned (预警), at 100 % the item is overdue (超期) and
 * the handler and the level above are reminded (催办).
 */
export const thresholds = [50, 80, 100] as const;
export type Threshold = (typeof thresholds)[number];

/** When each threshold falls: a share of the wall-clock window (working-day windows already end on a working day). */
export function thresholdTimes(acceptedAt: Date, deadlineAt: Date): { threshold: Threshold; at: Date }[] {
  const start = acceptedAt.getTime();
  const span = Math.max(0, deadlineAt.getTime() - start);
  return thresholds.map((threshold) => ({ threshold, at: new Date(threshold === 100 ? deadlineAt.getTime() : start + Math.floor((span * threshold) / 100)) }));
}

export type Handlers = {
  teamLeaderId: string | null;
  assigneeIds: readonly string[];
  /** Staff at the need's regions: `level` is the region type they sit at. */
  staff: readonly { id: string; roles: readonly string[] }[];
};

/** Roles warned before the deadline: those who handle the item in its community. */
export const handlerRoles = ['communityAdmin', 'gridWorker'] as const;
/** Roles reminded once it is overdue, on top of the handlers: the level above (the street). */
export const escalationRoles = ['streetAdmin'] as const;

/** Who hears about a threshold: the handlers always, the street too once overdue; each person once. */
export function recipientsFor(threshold: Threshold, h: Handlers): string[] {
  const roles: readonly string[] = threshold === 100 ? [...handlerRoles, ...escalationRoles] : handlerRoles;
  const ids = [h.teamLeaderId, ...h.assigneeIds, ...h.staff.filter((s) => s.roles.some((r) => roles.includes(r))).map((s) => s.id)];
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** A warning still applies only to the window it was scheduled for, while the deadline runs. */
export function stillDue(scheduledDeadline: string, current: { deadlineAt: Date | null; running: boolean }): boolean {
  return current.running && current.deadlineAt !== null && current.deadlineAt.toISOString() === scheduledDeadline;
}

/*
 * What the big screen ranks, pure: the year's categories rolled up to their classes (a need is filed
 * under a sub-category; the screen has room for the classes) and this month's best teams.
 */

export const TOP_CATEGORIES = 8;
export const TOP_TEAMS = 5;

type Category = { id: string; parentId: string | null; name: string; nameEn: string; sortOrder: number };

/** Received per top-level category, most first (then the district's order); at most 8, none with nothing. */
export function topCategories(all: readonly Category[], counts: readonly { categoryId: string; received: number }[]) {
  const byId = new Map(all.map((c) => [c.id, c]));
  const classOf = (id: string) => {
    let c = byId.get(id);
    // a tree of two levels today; the walk is bounded in case it grows (or a parent is missing)
    for (let i = 0; c?.parentId && i < 10; i++) c = byId.get(c.parentId) ?? c;
    return c;
  };
  const totals = new Map<string, { id: string; name: string; nameEn: string; sortOrder: number; received: number }>();
  for (const { categoryId, received } of counts) {
    const c = classOf(categoryId);
    if (!c) continue;
    const t = totals.get(c.id) ?? { id: c.id, name: c.name, nameEn: c.nameEn, sortOrder: c.sortOrder, received: 0 };
    t.received += received;
    totals.set(c.id, t);
  }
  return [...totals.values()]
    .filter((t) => t.received > 0)
    .sort((a, b) => b.received - a.received || a.sortOrder - b.sortOrder)
    .slice(0, TOP_CATEGORIES)
    .map(({ id, name, nameEn, received }) => ({ id, name, nameEn, received }));
}

type TeamFigures = { id: string | null; name: string | null; completed: number; satisfactionRate: number | null; onTimeRate: number | null };

/** The month's teams by needs completed, then satisfaction (as the public board's honour roll ranks them). */
export function topTeams(groups: readonly TeamFigures[]) {
  return groups
    .filter((g) => g.id !== null && g.completed > 0)
    .sort((a, b) => b.completed - a.completed || (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'))
    .slice(0, TOP_TEAMS)
    .map((g, i) => ({ rank: i + 1, id: g.id!, name: g.name ?? '', completed: g.completed, onTimeRate: g.onTimeRate, satisfactionRate: g.satisfactionRate }));
}

import type { Category, ExtraQuestion } from './categories.api';

export type CategoryNode = Category & { children: Category[] };

const byOrder = (a: Category, b: Category) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);

/** The active categories as a two-level tree (classes and their kinds), in the district's order. */
export function categoryTree(list: readonly Category[]): CategoryNode[] {
  const active = list.filter((c) => c.active);
  return active
    .filter((c) => !c.parentId)
    .sort(byOrder)
    .map((top) => ({ ...top, children: active.filter((c) => c.parentId === top.id).sort(byOrder) }));
}

/** The category and the class above it, top first ([class, kind] or just [class]). */
export function categoryPath(list: readonly Category[], id: string | undefined): Category[] {
  const own = list.find((c) => c.id === id);
  if (!own) return [];
  const parent = own.parentId ? list.find((c) => c.id === own.parentId) : undefined;
  return parent ? [parent, own] : [own];
}

/** A kind shows its own notice, or its class's ("call 110 in an emergency" is set on the class). */
export function noticeFor(list: readonly Category[], id: string | undefined): string | null {
  return categoryPath(list, id).reverse().find((c) => c.notice)?.notice ?? null;
}

/** The kind's own questions, then its class's (the server checks the kind's; the class's help the helper). */
export function questionsFor(list: readonly Category[], id: string | undefined): ExtraQuestion[] {
  const seen = new Set<string>();
  return categoryPath(list, id)
    .reverse()
    .flatMap((c) => c.extraQuestions)
    .filter((q) => (seen.has(q.key) ? false : (seen.add(q.key), true)));
}

export function categoryName(c: Pick<Category, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' ? c.nameEn : c.name;
}

export function questionLabel(q: ExtraQuestion, language: string): string {
  return language === 'en' && q.labelEn ? q.labelEn : q.label;
}

/** Options for a two-level picker (antd Cascader and antd-mobile Cascader read the same shape). */
export function categoryOptions(list: readonly Category[], language: string) {
  return categoryTree(list).map((top) => ({
    value: top.id,
    label: categoryName(top, language),
    children: top.children.map((c) => ({ value: c.id, label: categoryName(c, language) })),
  }));
}

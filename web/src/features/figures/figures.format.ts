import { formatHours } from '../../lib/hours';

/** 0.8765 → "87.7%"; a rate of nothing is a dash, never 0 %. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Hours with one decimal, or a dash. */
export const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : formatHours(h));

/** Sorts nulls last in both directions' natural reading: a missing rate is never "best". */
export const byNumber = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

/** A group as people name it: a grid with its community ("文化社区 · 第一网格"); null is for the caller to word. */
export const groupLabel = (g: { name: string | null; parentName: string | null }) => (g.name === null ? null : g.parentName ? `${g.parentName} · ${g.name}` : g.name);

/** 0.8765 → "87.7%"; a rate of nothing is a dash, never 0 %. */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Hours with one decimal, or a dash. */
export const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : (Math.round(h * 10) / 10).toString());

/** Sorts nulls last in both directions' natural reading: a missing rate is never "best". */
export const byNumber = (a: number | null, b: number | null) => (a ?? -1) - (b ?? -1);

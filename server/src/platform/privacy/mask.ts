/** Masking for personal data (PIPL): what a role that does not need a value sees instead. */

/** 13812341234 → 138****1234 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 110101199001011234 → 110101********1234 */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep their first letter. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name);
  if (chars.length === 1) return chars[0] ?? null;
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

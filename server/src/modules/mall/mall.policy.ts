/** The 四换 of the points mall (积分四换): 换服务 · 换培训 · 换场地 · 换实惠. */
export const mallCategories = ['service', 'training', 'venue', 'goods'] as const;
export type MallCategory = (typeof mallCategories)[number];

/** Who offers an item: a community (its admins manage it) or a partner unit (its contact manages it). */
export const providerTypes = ['community', 'partner'] as const;
export type ProviderType = (typeof providerTypes)[number];

/** pending (waiting for pickup, points held) → confirmed | cancelled | expired (points returned). */
export const redemptionStatuses = ['pending', 'confirmed', 'cancelled', 'expired'] as const;
export type RedemptionStatus = (typeof redemptionStatuses)[number];

/** Pickup codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B — read aloud or typed from a screen without doubt. */
export const CODE_ALPHABET = '3467ACDEFGHJKMNPQRTUVWXY';
export const CODE_LENGTH = 8;

/** A fresh pickup code from random bytes (24^8 ≈ 1.1·10^11 codes: a clash is retried). */
export function pickupCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const bytes = random(CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return code;
}

/** What a person typed, tidied: upper case, spaces and dashes dropped, look-alikes mapped to the alphabet's letters. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export const isCode = (code: string) => code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));

/** Default days a redemption waits for pickup (bounded by the item's last valid day). */
export const DEFAULT_PICKUP_DAYS = 7;

/** Mainland resident ID number (GB 11643): 17 digits + check digit (0-9 or X), ISO 7064 MOD 11-2. */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checks = '10X98765432';

export function idNumberCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return checks[sum % 11] ?? '0';
}

export function isValidIdNumber(value: string): boolean {
  const id = value.trim().toUpperCase();
  if (!/^[1-9]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(id)) return false;
  return idNumberCheckDigit(id.slice(0, 17)) === id[17];
}

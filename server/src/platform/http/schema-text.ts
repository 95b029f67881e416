/**
 * A JSON schema as text, the key under which its compiled validator or serializer is kept
 * (validation.ts, serializers.ts). Plain JSON would write Infinity and NaN as null and throw on a
 * BigInt: those are spelled out, so two schemas share a key only when they say the same.
 */
export function schemaText(schema: unknown): string {
  return JSON.stringify(schema, (_key, value: unknown) => {
    if (typeof value === 'bigint') return `\u0000bigint:${value}`;
    if (typeof value === 'number' && !Number.isFinite(value)) return `\u0000number:${value}`;
    return value;
  });
}

import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { schemaText } from './schema-text.js';

describe('schemaText', () => {
  it('is equal for equal schemas built twice, and differs where they differ', () => {
    const build = (max: number) => Type.Object({ page: Type.Integer({ minimum: 1, maximum: max }), q: Type.Optional(Type.String()) });
    expect(schemaText(build(100))).toBe(schemaText(build(100)));
    expect(schemaText(build(100))).not.toBe(schemaText(build(200)));
    expect(schemaText(Type.Object({ a: Type.String() }))).not.toBe(schemaText(Type.Object({ a: Type.Optional(Type.String()) })));
  });

  it('tells Infinity, NaN and null apart, and writes a BigInt instead of throwing', () => {
    const texts = [Infinity, -Infinity, NaN, null].map((v) => schemaText({ type: 'number', maximum: v }));
    expect(new Set(texts).size).toBe(4);
    expect(schemaText({ type: 'integer', maximum: 10n })).not.toBe(schemaText({ type: 'integer', maximum: 10 }));
  });
});

/** Reading the served OpenAPI document in tests that cover every operation without naming them. */

export type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  /** A schema with a pattern beyond the cases below gives an example that matches it (the document's `example`). */
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  minProperties?: number;
  items?: Schema;
};

/** A value that satisfies the schema, good enough to get past validation to the field under test. */
export function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.example !== undefined) return s.example;
  if (s.anyOf) return sample(s.anyOf[0]!);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'date') return '2026-03-10';
      if (s.pattern?.startsWith('^1[3-9]')) return '13812345678';
      if (s.pattern) return 'A1';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? { type: 'string' }));
    case 'object':
    {
      // the required fields, and optional ones too when the schema asks for at least some
      const keys = [...(s.required ?? [])];
      for (const k of Object.keys(s.properties ?? {})) if (keys.length < (s.minProperties ?? 0) && !keys.includes(k)) keys.push(k);
      return Object.fromEntries(keys.map((k) => [k, sample(s.properties![k]!)]));
    }
    default:
      return 'x';
  }
}

export type OpenApiDoc = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
};

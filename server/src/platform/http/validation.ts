import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { schemaText } from './schema-text.js';

// ajv-formats is CommonJS with a default export
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  // removeAdditional: false — unknown body fields are an error (no mass assignment of status/role…)
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, coerceTypes: coerce ? 'array' : false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

/*
 * One pair per process, not per app, remembering what they compiled by the schema's text (route
 * schemas are mostly built when their routes are registered: equal, not the same objects). An app
 * built again in the same process (the server tests build one per suite, about 140 a run) reuses the
 * validators instead of compiling every route again.
 */
let shared: { strict: Ajv; coercing: Ajv } | undefined;
const compiled = new Map<string, ReturnType<Ajv['compile']>>();

function compileOnce(ajv: Ajv, part: string, schema: object) {
  const key = `${part} ${schemaText(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    // as with an Ajv per app: a schema whose $id another app's (different) schema took replaces it
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id === 'string') ajv.removeSchema(id);
    compiled.set(key, (validate = ajv.compile(schema)));
  }
  return validate;
}

/**
 * Bodies are validated strictly (a number is not a string); query strings and path params are text
 * on the wire, so those are coerced to the schema's types.
 */
export function installValidators(app: FastifyInstance): void {
  const { strict, coercing } = (shared ??= { strict: makeAjv(false), coercing: makeAjv(true) });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? compileOnce(strict, 'body', schema) : compileOnce(coercing, 'text', schema),
  );
}

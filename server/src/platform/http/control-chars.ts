import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { platformError } from '../errors/platform.errors.js';

// C0 controls except tab, line feed and carriage return (which texts legitimately hold), and DEL.
// PostgreSQL refuses NUL in text outright, and the others have no business in names or notes.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The dotted path of the first string (or key) holding a control character, or null. */
export function controlCharField(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return forbidden.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = controlCharField(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (forbidden.test(key)) return at;
      const hit = controlCharField(inner, at);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** One rule for every route: control characters in the path, query or body are a 400 naming the field. */
export const controlCharsPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = controlCharField(part);
      if (field !== null) throw platformError('validation.control_char', { field: field || undefined });
    }
  });
});

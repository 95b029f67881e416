import { Type, type TSchema } from '@sinclair/typebox';

/** Shared schema pieces for routes. */
export const Uuid = Type.String({ format: 'uuid' });
export const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$', minLength: 11, maxLength: 11 });
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const Ok = Type.Object({ ok: Type.Boolean() });
/** A non-JSON reply (a file): documented by its media type; Fastify sends the bytes as they are. */
export const binary = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});

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

/**
 * A closed set of strings, typed as the union of its values, as a plain `enum`: the OpenAPI document
 * (and so the web app's generated types) lists the values. In a reply the serialiser writes it as any
 * string, without checking; in a request Ajv refuses anything else.
 */
export const StringEnum = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
/**
 * The same for a reply field that may be null: `nullable`, not a union with null, which the serialiser
 * would check against the values; null is in the list too, for a reply schema that is itself part of
 * a union (the serialiser then validates the branches with Ajv, whose `nullable` does not widen `enum`).
 */
export const NullableStringEnum = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number] | null>({ type: 'string', enum: [...values, null], nullable: true });

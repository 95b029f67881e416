import SerializerSelector, { type Serializer, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import { schemaText } from './schema-text.js';

/*
 * Fastify's own serializer compiler (fast-json-stringify), remembering per process what it built for
 * each response schema, by the schema's text: most route schemas are built when their routes are
 * registered, so an app built again has equal schemas, not the same objects. Building the serializers
 * was a third of an app's start; an app built again in the same process (the server tests build one
 * per suite) now reuses them. The key also holds the shared schemas and options they were built with.
 */
const select = SerializerSelector();
const built = new Map<string, Map<string, Serializer>>();

export const buildSharedSerializer: SerializerFactory = (externalSchemas, options) => {
  const compile = select(externalSchemas, options);
  const key = JSON.stringify([externalSchemas, options]);
  let cache = built.get(key);
  if (!cache) built.set(key, (cache = new Map()));
  return (route) => {
    // the default compiler reads the schema alone (not the method, address or status)
    const text = schemaText(route.schema);
    let serialize = cache.get(text);
    if (!serialize) cache.set(text, (serialize = compile(route)));
    return serialize;
  };
};

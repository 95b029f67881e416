import { request } from './client';
import type { paths } from './schema.gen';

/*
 * The API as the server's OpenAPI document describes it (schema.gen.ts, generated): a call's path
 * names its parameters, body and answer, so the web app copies none of the server's shapes by hand.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The paths that answer a method, e.g. `PathOf<'get'>` includes '/api/needs/{id}'. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type Operation<P extends PathOf<M>, M extends Method> = Extract<paths[P][M], { responses: unknown }>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** What a call answers on success (its 200, 201 or 202). */
export type ApiResponse<P extends PathOf<M>, M extends Method> = Json<Operation<P, M>['responses'][Extract<keyof Operation<P, M>['responses'], 200 | 201 | 202>]>;
/** The JSON body a call takes. */
export type ApiBody<P extends PathOf<M>, M extends Method> = Operation<P, M> extends { requestBody?: infer R } ? Json<R> : never;
/** The query string a call takes. */
export type ApiQuery<P extends PathOf<M>, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type PathParams<P extends PathOf<M>, M extends Method> = Operation<P, M> extends { parameters: { path: infer A } } ? A : never;

/** Only the parts a call has: `params` for `{id}` in the path, `query` (with `signal`), `body`. */
type Input<P extends PathOf<M>, M extends Method> = ([PathParams<P, M>] extends [never] ? unknown : { params: PathParams<P, M> }) &
  ([ApiQuery<P, M>] extends [never] ? unknown : { query: ApiQuery<P, M>; signal?: AbortSignal }) &
  ([ApiBody<P, M>] extends [never] ? unknown : { body: ApiBody<P, M> });
/** The input argument, optional when the call takes nothing. */
type Args<P extends PathOf<M>, M extends Method> = unknown extends Input<P, M> ? [] : [input: Input<P, M>];

function caller<M extends Method>(method: M) {
  return <P extends PathOf<M>>(path: P, ...[input]: Args<P, M>): Promise<ApiResponse<P, M>> => {
    const { params, query, body, signal } = (input ?? {}) as { params?: Record<string, string>; query?: object; body?: unknown; signal?: AbortSignal };
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''));
    return request(method.toUpperCase(), url, { query: query as Record<string, string | number | boolean | undefined>, body, signal });
  };
}

/** Typed calls: `api.get('/api/needs/{id}', { params: { id } })` answers a NeedDetail. */
export const api = {
  get: caller('get'),
  post: caller('post'),
  put: caller('put'),
  patch: caller('patch'),
  delete: caller('delete'),
};

/**
 * A closed vocabulary of the API written out as a list, in the screens' order (pickers, filters):
 * the compiler refuses a list that names a value the server does not know, or misses one.
 */
export const allValues =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })) =>
    list;

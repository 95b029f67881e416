import { currentLanguage, i18n } from '../i18n';

/** The server's error body: a stable `code` to branch on, a localised `message`, the offending `field`. */
export type ApiErrorBody = { code: string; message: string; field?: string; details?: unknown };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly details?: unknown;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export type Query = Record<string, string | number | boolean | null | undefined>;
type Options = { query?: Query; body?: unknown; signal?: AbortSignal };

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function request<T>(method: string, path: string, { query, body, signal }: Options = {}): Promise<T> {
  // Only a request with a body says it is JSON: the server refuses an empty body declared as JSON.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, { code: 'network.unreachable', message: i18n.t('errors.network') });
  }
  const data = parse(await response.text());
  if (!response.ok) {
    const body = data as Partial<ApiErrorBody> | undefined;
    throw new ApiError(response.status, {
      code: body?.code ?? `http.${response.status}`,
      message: body?.message ?? i18n.t('errors.http', { status: response.status }),
      field: body?.field,
      details: body?.details,
    });
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** A page of a server-paginated list. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

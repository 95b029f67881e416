import { currentLanguage, i18n } from '../i18n';
import type { components } from './schema.gen';
import { takeEarly } from '../app/early';

/** The server's error body: a stable `code` to branch on, a localised `message`, the offending `field`. */
export type ApiErrorBody = components['schemas']['ErrorBody'];

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
type Options = { query?: Query; body?: unknown; form?: FormData; signal?: AbortSignal };

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

/** Sends a request and returns the response once it is known to be a success; failures become ApiError. */
async function send(method: string, path: string, { query, body, form, signal }: Options = {}): Promise<Response> {
  // Only a request with a body says it is JSON: the server refuses an empty body declared as JSON.
  // A multipart form sets no type here: the browser writes it with the boundary.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    // the first page's session was asked for before this code arrived (app/boot.ts): take that answer
    const asked = method === 'GET' && query === undefined ? takeEarly(path) : undefined;
    response = await (asked ??
      fetch(withQuery(path, query), {
        method,
        headers,
        credentials: 'same-origin',
        body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal,
      }));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, { code: 'network.unreachable', message: i18n.t('errors.network') });
  }
  if (!response.ok) {
    const data = parse(await response.text()) as Partial<ApiErrorBody> | undefined;
    throw new ApiError(response.status, {
      code: data?.code ?? `http.${response.status}`,
      message: data?.message ?? i18n.t('errors.http', { status: response.status }),
      field: data?.field,
      details: data?.details,
    });
  }
  return response;
}

/** A JSON call; `api` (api.ts) types it from the path. */
export async function request<T>(method: string, path: string, options: Options = {}): Promise<T> {
  const response = await send(method, path, options);
  return parse(await response.text()) as T;
}

/** A file the server builds (Excel exports): its bytes and the name the server suggests. */
async function download(path: string, query?: Query): Promise<{ blob: Blob; filename: string }> {
  return fileOf(await send('GET', path, { query }));
}

/** A file the server builds from an upload (an import's error report, from the sheet sent again). */
async function uploadForFile(path: string, form: FormData): Promise<{ blob: Blob; filename: string }> {
  return fileOf(await send('POST', path, { form }));
}

async function fileOf(response: Response): Promise<{ blob: Blob; filename: string }> {
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), filename: filenameOf(disposition) };
}

/** The name a Content-Disposition suggests: the UTF-8 `filename*` (in the reader's language, RFC 5987) over the ASCII `filename=`. */
export function filenameOf(disposition: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8.trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  return /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'download';
}

/** The calls that are not JSON both ways; every other call goes through `api` (api.ts). */
export const http = {
  /** A multipart upload (files); the answer is JSON like every other call. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
  uploadForFile,
  download,
};

/** A page of a server-paginated list. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

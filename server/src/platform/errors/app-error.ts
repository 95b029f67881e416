/**
 * The one error type of the API. `code` is stable ("needs.already_taken") and is what the web app
 * branches on; the message is localised when the reply is written.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(`${what}.not_found`, 404);
export const forbidden = (code = 'auth.forbidden') => new AppError(code, 403);
export const invalid = (field: string, code = 'validation.invalid', params: Record<string, string | number> = {}) =>
  new AppError(code, 400, params, field);
export const conflict = (code: string, field?: string, params: Record<string, string | number> = {}) =>
  new AppError(code, 409, params, field);

/** The JSON body of every error reply. */
export type ErrorBody = { code: string; message: string; field?: string; details?: unknown };

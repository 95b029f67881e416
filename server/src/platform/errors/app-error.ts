/**
 * The one error type of the API. `code` is stable ("needs.already_taken") and is what the web app
 * branches on; the message is localised when the reply is written. Made through a module's
 * catalogue (`defineErrors` in catalogue.ts), which fixes the status of each code.
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

/** The JSON body of every error reply. */
export type ErrorBody = { code: string; message: string; field?: string; details?: unknown };

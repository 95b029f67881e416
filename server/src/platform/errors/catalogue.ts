import { registerMessages } from '../i18n/i18n.js';
import { AppError } from './app-error.js';

/** The statuses an error code may carry (see error-responses.ts for what each means to a client). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/** One error code: its HTTP status, fixed here once, and its message in both languages. */
export type ErrorSpec = { status: ErrorStatus; 'zh-CN': string; en: string };

export type ErrorOptions = {
  /** Values for the message's {placeholders} ({field} is filled from `field`). */
  params?: Record<string, string | number>;
  /** The input field at fault, named in the reply. */
  field?: string;
  /** Machine-readable context for the client, e.g. the current status. */
  details?: unknown;
};

/** Makes the error for one code of a catalogue; the status comes from the catalogue, never the caller. */
export type ErrorMaker<Code extends string> = (code: Code, options?: ErrorOptions) => AppError;

const defined = new Map<string, ErrorSpec>();

/**
 * A module's error catalogue: `const needsError = defineErrors({ 'needs.already_taken': { status: 409,
 * 'zh-CN': '…', en: '…' } })`, then `throw needsError('needs.already_taken')`. Registers the messages,
 * and refuses a code some catalogue defines already, so a code has one status and one text everywhere.
 */
export function defineErrors<const Codes extends Record<string, ErrorSpec>>(specs: Codes): ErrorMaker<keyof Codes & string> {
  for (const code of Object.keys(specs)) if (defined.has(code)) throw new Error(`error code ${code} is defined twice`);
  for (const [code, spec] of Object.entries(specs)) defined.set(code, spec);
  const messages = (locale: 'zh-CN' | 'en') => Object.fromEntries(Object.entries(specs).map(([code, spec]) => [code, spec[locale]]));
  registerMessages({ 'zh-CN': messages('zh-CN'), en: messages('en') });
  return (code, options = {}) => new AppError(code, specs[code]!.status, options.params, options.field, options.details);
}

/** Every code defined so far, with its status and messages (for the catalogue test). */
export function definedErrors(): ReadonlyMap<string, ErrorSpec> {
  return defined;
}

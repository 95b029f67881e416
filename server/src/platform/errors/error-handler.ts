import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorBody } from './app-error.js';
import { fieldScopeOf, pickLocale, translate } from '../i18n/i18n.js';
import { platformError } from './platform.errors.js';

type AjvIssue = { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string };

/** Turns the first schema violation into our error: the code by keyword, the field by path. */
export function fromValidation(issues: AjvIssue[], context?: string): AppError {
  const issue = issues[0] ?? { keyword: 'invalid', instancePath: '', params: {} };
  const pathField = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const join = (leaf: unknown) => [pathField, String(leaf)].filter(Boolean).join('.');
  switch (issue.keyword) {
    case 'required':
      return platformError('validation.required', { field: join(issue.params.missingProperty) });
    case 'additionalProperties':
      return platformError('validation.additional', { field: join(issue.params.additionalProperty) });
    case 'type':
      return platformError('validation.type', { params: { expected: String(issue.params.type) }, field: pathField || context });
    case 'maxLength':
    case 'minLength':
    case 'minimum':
    case 'maximum':
    case 'maxItems':
    case 'minItems':
      // the limit in `details` too: a form says 至少 2 个字符 under its own field, without naming it again
      return platformError(`validation.${issue.keyword}`, { params: { limit: Number(issue.params.limit) }, field: pathField, details: { limit: Number(issue.params.limit) } });
    case 'pattern':
    case 'enum':
      return platformError(`validation.${issue.keyword}`, { field: pathField });
    case 'format':
      return platformError('validation.format', { params: { format: String(issue.params.format) }, field: pathField });
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return platformError('validation.enum', { field: pathField });
    default:
      return platformError('validation.invalid', { field: pathField || context });
  }
}

/**
 * Safety net for database errors that input validation should have caught first (drizzle wraps the
 * driver's error, whose SQLSTATE is on `cause.code`): bad input must never surface as a 500.
 */
function fromDatabase(error: Error): AppError | null {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  switch (code) {
    case '22P02': // invalid_text_representation (e.g. a malformed uuid)
    case '22001': // string_data_right_truncation
    case '22003': // numeric_value_out_of_range
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22021': // character_not_in_repertoire
      return platformError('request.bad');
    case '40P01': // deadlock_detected: two changes crossed; the client may retry
    case '40001': // serialization_failure
      return platformError('request.conflict');
    case '23505': // unique_violation
      return platformError('request.conflict');
    case '23503': // foreign_key_violation
      return platformError('request.conflict');
    default:
      return null;
  }
}

function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation) return fromValidation(fe.validation, fe.validationContext);
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return platformError('request.invalid_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return platformError('request.unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return platformError('request.too_large');
  }
  if (error instanceof SyntaxError) return platformError('request.invalid_json');
  const dbError = fromDatabase(error);
  if (dbError) return dbError;
  const status = fe.statusCode ?? 500;
  // a code has one status: a plugin's 4xx is named by its status, whatever that plugin called it
  if (status === 429) return platformError('rate.limited', { params: { seconds: 60 } });
  if (status === 413) return platformError('request.too_large');
  if (status === 415) return platformError('request.unsupported_media_type');
  if (status === 404) return platformError('route.not_found');
  if (status >= 400 && status < 500) return platformError('request.bad');
  return platformError('server.internal');
}

export function errorBody(request: FastifyRequest, err: AppError): ErrorBody {
  const locale = pickLocale(request.headers['accept-language']);
  const fieldScope = fieldScopeOf(request.routeOptions.url ?? request.url);
  const body: ErrorBody = { code: err.code, message: translate(locale, err.code, { ...err.params, field: err.field, fieldScope }) };
  if (err.field) body.field = err.field;
  if (err.details !== undefined) body.details = err.details;
  return body;
}

export function sendError(request: FastifyRequest, reply: FastifyReply, err: AppError) {
  return reply.status(err.status).type('application/json; charset=utf-8').send(errorBody(request, err));
}

/** One error handler for the whole API: localised bodies, no stack traces, 5xx details only in the log. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, appError);
  });
});

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorBody } from './app-error.js';
import { pickLocale, translate } from '../i18n/i18n.js';
import './messages.js';

type AjvIssue = { keyword: string; instancePath: string; params: Record<string, unknown>; message?: string };

/** Turns the first schema violation into our error: the code by keyword, the field by path. */
export function fromValidation(issues: AjvIssue[], context?: string): AppError {
  const issue = issues[0] ?? { keyword: 'invalid', instancePath: '', params: {} };
  const pathField = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const join = (leaf: unknown) => [pathField, String(leaf)].filter(Boolean).join('.');
  switch (issue.keyword) {
    case 'required':
      return new AppError('validation.required', 400, {}, join(issue.params.missingProperty));
    case 'additionalProperties':
      return new AppError('validation.additional', 400, {}, join(issue.params.additionalProperty));
    case 'type':
      return new AppError('validation.type', 400, { expected: String(issue.params.type) }, pathField || context);
    case 'maxLength':
    case 'minLength':
    case 'minimum':
    case 'maximum':
    case 'maxItems':
    case 'minItems':
      return new AppError(`validation.${issue.keyword}`, 400, { limit: Number(issue.params.limit) }, pathField);
    case 'pattern':
    case 'enum':
      return new AppError(`validation.${issue.keyword}`, 400, {}, pathField);
    case 'format':
      return new AppError('validation.format', 400, { format: String(issue.params.format) }, pathField);
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return new AppError('validation.enum', 400, {}, pathField);
    default:
      return new AppError('validation.invalid', 400, {}, pathField || context);
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
      return new AppError('request.bad', 400);
    case '40P01': // deadlock_detected: two changes crossed; the client may retry
    case '40001': // serialization_failure
      return new AppError('request.conflict', 409);
    case '23505': // unique_violation
      return new AppError('request.conflict', 409);
    case '23503': // foreign_key_violation
      return new AppError('request.conflict', 409);
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
      return new AppError('request.invalid_json', 400);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('request.unsupported_media_type', 415);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.too_large', 413);
  }
  if (error instanceof SyntaxError) return new AppError('request.invalid_json', 400);
  const dbError = fromDatabase(error);
  if (dbError) return dbError;
  const status = fe.statusCode ?? 500;
  if (status === 429) return new AppError('rate.limited', 429, { seconds: 60 });
  if (status >= 400 && status < 500) return new AppError('request.bad', status);
  return new AppError('server.internal', 500);
}

export function errorBody(request: FastifyRequest, err: AppError): ErrorBody {
  const locale = pickLocale(request.headers['accept-language']);
  const body: ErrorBody = { code: err.code, message: translate(locale, err.code, { ...err.params, field: err.field }) };
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

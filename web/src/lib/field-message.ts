/** The common words (`common:fieldErrors.*`) a schema violation is said in under its own field. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
const shortly = new Set(['required', 'type', 'maxLength', 'minLength', 'pattern', 'format', 'enum', 'minimum', 'maximum', 'maxItems', 'minItems', 'invalid', 'control_char']);

/**
 * What a failed request says under the field it names. The server's message names the field for
 * whoever reads it alone ("字段 标题 (title) 过短，至少 2 个字符"): under the field's own label that
 * repeats it, with the API's name for it, which a resident should never see — so a schema violation
 * is said in the form's words ("至少 2 个字符"); a module's own rule keeps the server's message.
 */
export function fieldMessage(error: { code: string; message: string; details?: unknown }, t?: Translate): string {
  const keyword = error.code.startsWith('validation.') ? error.code.slice('validation.'.length) : undefined;
  if (!t || keyword === undefined || !shortly.has(keyword)) return error.message;
  const limit = (error.details as { limit?: unknown } | undefined)?.limit;
  return t(`common:fieldErrors.${keyword}`, typeof limit === 'number' ? { limit } : {});
}

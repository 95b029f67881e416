import type { TFunction } from 'i18next';

/** The common words (`common:fieldErrors.*`) a schema violation is said in under its own field. */
export type Translate = TFunction<'common'>;
// each written out, so the catalogue's check sees every key used
const words = {
  required: (t: TFunction<'common'>) => t('common:fieldErrors.required'),
  type: (t: TFunction<'common'>) => t('common:fieldErrors.type'),
  maxLength: (t: TFunction<'common'>, limit: number) => t('common:fieldErrors.maxLength', { limit }),
  minLength: (t: TFunction<'common'>, limit: number) => t('common:fieldErrors.minLength', { limit }),
  pattern: (t: TFunction<'common'>) => t('common:fieldErrors.pattern'),
  format: (t: TFunction<'common'>) => t('common:fieldErrors.format'),
  enum: (t: TFunction<'common'>) => t('common:fieldErrors.enum'),
  minimum: (t: TFunction<'common'>, limit: number) => t('common:fieldErrors.minimum', { limit }),
  maximum: (t: TFunction<'common'>, limit: number) => t('common:fieldErrors.maximum', { limit }),
  maxItems: (t: TFunction<'common'>, limit: number) => t('common:fieldErrors.maxItems', { limit }),
  minItems: (t: TFunction<'common'>, limit: number) => t('common:fieldErrors.minItems', { limit }),
  invalid: (t: TFunction<'common'>) => t('common:fieldErrors.invalid'),
  control_char: (t: TFunction<'common'>) => t('common:fieldErrors.control_char'),
} satisfies Record<string, (t: Translate, limit: number) => string>;
const isKeyword = (k: string | undefined): k is keyof typeof words => k !== undefined && Object.hasOwn(words, k);

/**
 * What a failed request says under the field it names. The server's message names the field for
 * whoever reads it alone ("字段 标题 (title) 过短，至少 2 个字符"): under the field's own label that
 * repeats it, with the API's name for it, which a resident should never see — so a schema violation
 * is said in the form's words ("至少 2 个字符"); a module's own rule keeps the server's message.
 */
export function fieldMessage(error: { code: string; message: string; details?: unknown }, t?: Translate): string {
  const keyword = error.code.startsWith('validation.') ? error.code.slice('validation.'.length) : undefined;
  if (!t || !isKeyword(keyword)) return error.message;
  const limit = (error.details as { limit?: unknown } | undefined)?.limit;
  // a limit the server did not give reads as nothing rather than "undefined"
  if (typeof limit !== 'number' && words[keyword].length > 1) return error.message;
  return words[keyword](t, typeof limit === 'number' ? limit : 0);
}

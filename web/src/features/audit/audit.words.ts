import type { TFunction } from 'i18next';

/**
 * The catalogue key of an action code: `actions.<module>.<rest>`, further dots in the rest becoming
 * underscores (`conduct.appeal` and `conduct.appeal.upheld` can both have words that way).
 */
export function actionKey(action: string): string {
  const [module, ...rest] = action.split('.');
  return `actions.${module}.${rest.join('_')}`;
}

/** An action in words; one the catalogue does not know yet reads "<module> · other action", never the code. */
export function actionWord(t: TFunction<'audit'>, action: string): string {
  const [module = '', ...rest] = action.split('.');
  const moduleWord = t(`modules.${module}`, { defaultValue: '' });
  const fallback = moduleWord ? t('otherAction', { module: moduleWord }) : t('unknownAction');
  // the same key as actionKey(action), spelled out so the catalogue check sees actions.<module>.<rest> used
  return t(`actions.${module}.${rest.join('_')}`, { defaultValue: fallback });
}

/** An object type in words, or "other object" for a type the catalogue does not know yet. */
export function objectWord(t: TFunction<'audit'>, objectType: string): string {
  return t(`objectTypes.${objectType}`, { defaultValue: t('unknownObject') });
}

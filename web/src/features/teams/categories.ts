import { useTranslation } from 'react-i18next';
import { useCategories } from '../needs/needs.queries';

/** The district's top-level need categories as (code, name) in the reader's language: what a team serves. */
export function useCategoryNames() {
  const { i18n } = useTranslation();
  const categories = useCategories();
  const top = (categories.data ?? []).filter((c) => !c.parentId);
  const names = new Map(top.map((c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name]));
  return { options: top.map((c) => ({ value: c.code, label: names.get(c.code)! })), nameOf: (code: string) => names.get(code) ?? code };
}

import { useTranslation } from 'react-i18next';
import { useCategories } from '../needs/needs.queries';

/** A category code as its name in the reader's language (the code itself only while the list loads). */
export function useCategoryName(): (code: string) => string {
  const { i18n } = useTranslation();
  const categories = useCategories().data ?? [];
  const en = i18n.language === 'en';
  return (code) => {
    const found = categories.find((c) => c.code === code);
    return found ? (en ? found.nameEn : found.name) : '';
  };
}

/** The top-level categories, for a picker. */
export function useCategoryOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  const categories = useCategories().data ?? [];
  return categories.filter((c) => c.parentId === null && c.active).map((c) => ({ value: c.code, label: i18n.language === 'en' ? c.nameEn : c.name }));
}

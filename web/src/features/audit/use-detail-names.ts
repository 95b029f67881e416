import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';

/**
 * The district's own codes an entry's details name (a need category, a points rule, a post type): the
 * entry holds the code or id, the page asks the list it belongs to for its name — only when an entry of
 * that kind is open. A name the list does not answer with (a deleted rule, no right to read it) leaves
 * the value as recorded.
 */
const lists = {
  categories: { key: ['need-categories'], actions: ['needs.category_create', 'deadlines.rule_create', 'deadlines.rule_update', 'deadlines.rule_delete'], fetch: () => api.get('/api/need-categories') },
  pointsRules: { key: ['points-rules'], actions: ['ledger.rule.create', 'ledger.award'], fetch: () => api.get('/api/points-rules') },
  postTypes: { key: ['post-types', 'all'], actions: ['posts.type.create'], fetch: () => api.get('/api/post-types', { query: { includeRetired: true } }) },
} as const;

type Named = { id?: string; code: string; name: string; nameEn?: string | null };

/** Which list names a detail of an entry of `action`, by the detail's name. */
function listOf(action: string, key: string): keyof typeof lists | undefined {
  if (action === 'needs.category_create' && key === 'code') return 'categories';
  if (action.startsWith('deadlines.rule_') && key === 'categoryId') return 'categories';
  if (action === 'ledger.rule.create' && key === 'code') return 'pointsRules';
  if (action === 'ledger.award' && key === 'rule') return 'pointsRules';
  if (action === 'posts.type.create' && key === 'code') return 'postTypes';
  return undefined;
}

/** For one entry: the name of a detail value that is one of the district's codes, or undefined. */
export function useDetailNames(action: string): (key: string, value: unknown) => string | undefined {
  const { i18n } = useTranslation();
  const query = (list: keyof typeof lists) => {
    const { key, actions, fetch } = lists[list];
    return { queryKey: ['audit-names', ...key], queryFn: fetch as () => Promise<Named[]>, enabled: (actions as readonly string[]).includes(action), staleTime: 5 * 60_000, retry: false };
  };
  const categories = useQuery(query('categories')).data;
  const pointsRules = useQuery(query('pointsRules')).data;
  const postTypes = useQuery(query('postTypes')).data;
  const found = { categories, pointsRules, postTypes };
  return (key, value) => {
    const list = listOf(action, key);
    if (!list || typeof value !== 'string') return undefined;
    const item = found[list]?.find((n) => n.code === value || n.id === value);
    if (!item) return undefined;
    return i18n.language === 'en' && item.nameEn ? item.nameEn : item.name;
  };
}

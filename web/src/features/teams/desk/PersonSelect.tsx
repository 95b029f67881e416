import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

type Props = { id?: string; value?: string; onChange?: (id: string | undefined) => void; role?: 'volunteer'; style?: CSSProperties; 'data-testid'?: string };

/** Pick a person of my area by name or phone (the accounts list; masked phones). */
export function PersonSelect({ id, value, onChange, role, style, ...rest }: Props) {
  const { t } = useTranslation('teams');
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const people = useQuery({ queryKey: ['accounts', 'pick', term, role], queryFn: () => api.get('/api/accounts', { query: { q: term, role, page: 1, pageSize: 20 } }), enabled: term.length > 0 });
  const found = (people.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} ${a.phone}${a.regionName ? ` · ${a.regionName}` : ''}` }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setSearch}
      options={found}
      placeholder={t('form.personSearch')}
      notFoundContent={term ? t('form.personNone') : null}
      style={style}
      data-testid={rest['data-testid']}
    />
  );
}

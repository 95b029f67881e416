import { AutoComplete, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { RegionTypeTag } from './RegionTypeTag';
import { useRegionSearch } from './regions.queries';

/** Find a node by name anywhere in my subtree; picking one opens the tree down to it. */
export function RegionSearch({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation('regions');
  const [text, setText] = useState('');
  // the server accepts at most 50 characters; a longer name does not exist anyway
  const q = useDebouncedValue(text.trim().slice(0, 50));
  const { data = [], isFetching } = useRegionSearch(q);

  return (
    <AutoComplete
      className="lx-region-search"
      value={text}
      onChange={setText}
      onSelect={(id: string) => {
        setText('');
        onPick(id);
      }}
      options={data.map((node) => ({
        value: node.id,
        label: (
          <span>
            <RegionTypeTag type={node.type} /> {node.name} <span className="lx-muted">{node.code}</span>
          </span>
        ),
      }))}
      notFoundContent={q && !isFetching ? t('searchEmpty') : null}
    >
      <Input.Search placeholder={t('searchPlaceholder')} allowClear loading={isFetching} data-testid="region-search" />
    </AutoComplete>
  );
}

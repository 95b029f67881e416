import { Cascader } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryOptions } from '../categories';
import { useCategories } from '../needs.queries';

type Props = { value?: string[]; onChange?: (path: string[]) => void; placeholder: string };

/** Two-level category picker (class → kind) in a bottom sheet; the value is the picked path. */
export function CategoryField({ value, onChange, placeholder }: Props) {
  const { i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const options = categoryOptions(useCategories().data ?? [], i18n.language);
  const labels = (value ?? []).map((id) => options.flatMap((o) => [o, ...o.children]).find((o) => o.value === id)?.label).filter(Boolean);

  return (
    <>
      <div
        className={labels.length ? 'lx-h5-picker-value' : 'lx-h5-picker-placeholder'}
        onClick={() => setOpen(true)}
        onKeyDown={(event) => event.key === 'Enter' && setOpen(true)}
        role="button"
        tabIndex={0}
        data-testid="category-field"
      >
        {labels.length ? labels.join(' / ') : placeholder}
      </div>
      <Cascader options={options} visible={open} value={value} onClose={() => setOpen(false)} onConfirm={(path) => onChange?.(path.map(String))} title={placeholder} />
    </>
  );
}

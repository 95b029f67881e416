import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space } from 'antd';
import { useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What the settings read of a column: its key and its title. */
type Column = { key?: Key; title?: ReactNode };
const storageKey = (table: string) => `lx.columns.${table}`;

function readHidden(table: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey(table)) ?? '[]');
    return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * 列设置: which columns of a table are shown, remembered in this browser per table. Columns are
 * named by their `key`; those in `fixed` (the number, the actions) cannot be hidden.
 */
export function useColumnSettings<C extends Column>(table: string, columns: C[], fixed: readonly string[] = []) {
  const [hidden, setHidden] = useState<string[]>(() => readHidden(table));
  const save = (next: string[]) => {
    setHidden(next);
    localStorage.setItem(storageKey(table), JSON.stringify(next));
  };
  const visible = columns.filter((c) => !hidden.includes(String(c.key)));
  const choosable = columns.filter((c) => !fixed.includes(String(c.key)));
  const button = <ColumnSettingsButton columns={choosable} hidden={hidden} onChange={save} />;
  return { visible, button };
}

function ColumnSettingsButton({ columns, hidden, onChange }: { columns: Column[]; hidden: string[]; onChange: (hidden: string[]) => void }) {
  const { t } = useTranslation();
  const keys = columns.map((c) => String(c.key));
  const content = (
    <Space direction="vertical" size={4} data-testid="column-settings">
      <Checkbox.Group
        className="lx-column-choices"
        value={keys.filter((k) => !hidden.includes(k))}
        onChange={(shown) => onChange(keys.filter((k) => !shown.includes(k)))}
        options={columns.map((c) => ({ value: String(c.key), label: c.title }))}
      />
      <Button size="small" type="link" onClick={() => onChange([])} style={{ padding: 0 }}>
        {t('columns.reset')}
      </Button>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('columns.title')} content={content}>
      <Button icon={<SettingOutlined />} aria-label={t('columns.title')} data-testid="column-settings-button">
        {t('columns.title')}
      </Button>
    </Popover>
  );
}

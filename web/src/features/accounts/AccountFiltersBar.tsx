import { Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCodes } from '../../lib/roles';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import type { AccountFilters } from './accounts.api';
import { FilterActions } from '../../components/FilterActions';

/** Keyword (name or phone), node (with everything below it), role and status. */
export function AccountFiltersBar({ value, onSearch }: { value: AccountFilters; onSearch: (filters: AccountFilters) => void }) {
  const { t } = useTranslation('accounts');
  const [form] = Form.useForm<AccountFilters>();

  // the URL is the source of truth: back/forward or a shared link refills the form
  useEffect(() => {
    form.setFieldsValue({ q: value.q, regionId: value.regionId, role: value.role, status: value.status });
  }, [form, value.q, value.regionId, value.role, value.status]);

  return (
    <Form form={form} name="accountFilters" layout="inline" className="lx-filters" onFinish={(v) => onSearch({ ...v, q: v.q?.trim() || undefined })}>
      <Form.Item name="q" label={t('filter.keyword')}>
        <Input placeholder={t('filter.keywordPlaceholder')} allowClear maxLength={50} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="regionId" label={t('field.region')}>
        <RegionTreeSelect allowClear placeholder={t('common:anyRegion')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="role" label={t('common:field.roles')}>
        <Select allowClear placeholder={t('common:all')} style={{ width: 140 }} options={roleCodes.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="status" label={t('field.status')}>
        <Select
          allowClear
          placeholder={t('common:all')}
          style={{ width: 110 }}
          options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`accountStatus.${s}`) }))}
        />
      </Form.Item>
      <FilterActions onReset={() => onSearch({})} />
    </Form>
  );
}

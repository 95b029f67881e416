import { useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { unitKinds, type NewUnit, type Unit } from '../whistles.api';

type Values = { name: string; kind: Unit['kind']; regionId?: string; contactAccountId?: string | null; sortOrder?: number; active?: boolean };

type Props = { unit: Unit | null; loading: boolean; onCancel: () => void; onSubmit: (values: NewUnit & { active?: boolean }) => void };

/** Add or edit a department or partner unit: its name, kind, the area it serves and who answers for it. */
export function UnitFormModal({ unit, loading, onCancel, onSubmit }: Props) {
  const { t } = useTranslation('whistles');
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim(), 300);
  const people = useQuery({ queryKey: ['accounts', 'pick', term], queryFn: () => api.get('/api/accounts', { query: { q: term, page: 1, pageSize: 20 } }), enabled: term.length > 0 });
  const current = unit?.contact ? [{ value: unit.contact.id, label: `${unit.contact.name} ${unit.contact.phone}` }] : [];
  const found = (people.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} ${a.phone}` }));

  return (
    <Modal open title={t(unit ? 'units.edit' : 'units.add')} okText={t('common:save')} okButtonProps={{ loading }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={unit ? { name: unit.name, kind: unit.kind, regionId: unit.regionId, contactAccountId: unit.contact?.id ?? null, sortOrder: unit.sortOrder, active: unit.active } : { kind: 'department', sortOrder: 100 }}
        onFinish={(v) => onSubmit({ ...v, name: v.name.trim(), contactAccountId: v.contactAccountId ?? null })}
      >
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="kind" label={t('field.kind')}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={t('field.region')} extra={t('units.regionHint')}>
          <RegionTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="contactAccountId" label={t('field.contact')} extra={t('units.contactHint')}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setSearch}
            options={[...current, ...found.filter((o) => o.value !== unit?.contact?.id)]}
            placeholder={t('units.contactSearch')}
            notFoundContent={term ? t('units.contactNone') : null}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('field.sortOrder')}>
          <InputNumber min={0} max={10000} />
        </Form.Item>
        {unit && (
          <Form.Item name="active" label={t('field.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

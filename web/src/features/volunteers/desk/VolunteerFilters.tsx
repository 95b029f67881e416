import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../../components/FilterActions';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { politicalStatuses, type VolunteerQuery } from '../volunteers.api';

export type VolunteerFilters = Omit<VolunteerQuery, 'page' | 'pageSize' | 'status'>;

/** Place, keyword (name, phone, number), skill, political status, in-service, stars; the status is the tabs above. */
export function VolunteerFiltersBar({ value, onSearch }: { value: VolunteerFilters; onSearch: (f: VolunteerFilters) => void }) {
  const { t } = useTranslation('volunteers');
  type Values = Omit<VolunteerFilters, 'inService'> & { inService?: string };
  const [form] = Form.useForm<Values>();
  useEffect(() => form.setFieldsValue({ ...value, inService: value.inService === undefined ? undefined : String(value.inService) }), [form, value]);
  const submit = ({ q, skill, inService, ...rest }: Values) =>
    onSearch({ ...rest, minHours: rest.minHours ?? undefined, maxHours: rest.maxHours ?? undefined, q: q?.trim() || undefined, skill: skill?.trim() || undefined, inService: inService === undefined ? undefined : inService === 'true' });
  return (
    <Form form={form} name="volunteerFilters" layout="inline" className="lx-filters" onFinish={submit}>
      <Form.Item name="q" label={t('filter.keyword')}>
        <Input allowClear maxLength={50} style={{ width: 200 }} placeholder={t('filter.keywordPlaceholder')} />
      </Form.Item>
      <Form.Item name="regionId" label={t('field.place')}>
        <RegionTreeSelect allowClear placeholder={t('common:anyRegion')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="skill" label={t('field.skill')}>
        <Input allowClear maxLength={20} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="politicalStatus" label={t('field.politicalStatus')}>
        <Select allowClear style={{ width: 130 }} placeholder={t('common:all')} options={politicalStatuses.map((p) => ({ value: p, label: t(`political.${p}`) }))} />
      </Form.Item>
      <Form.Item name="inService" label={t('field.inService')}>
        <Select allowClear style={{ width: 100 }} placeholder={t('common:all')} options={[{ value: 'true', label: t('yes') }, { value: 'false', label: t('no') }]} />
      </Form.Item>
      <Form.Item name="minStars" label={t('field.minStars')}>
        <Select allowClear style={{ width: 130 }} placeholder={t('common:all')} options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('atLeastStars', { stars: '★'.repeat(n) }) }))} />
      </Form.Item>
      <Form.Item label={t('field.hoursRange')}>
        <Space.Compact>
          <Form.Item name="minHours" noStyle>
            <InputNumber min={0} max={100000} style={{ width: 90 }} placeholder={t('filter.from')} />
          </Form.Item>
          <Form.Item name="maxHours" noStyle>
            <InputNumber min={0} max={100000} style={{ width: 90 }} placeholder={t('filter.to')} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <FilterActions onReset={() => onSearch({})} />
    </Form>
  );
}

import { Button, Cascader, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isoToWallClock, wallClockToIso } from '../../../lib/time';
import { RegionTreeSelect } from '../../regions/RegionTreeSelect';
import { categoryOptions, categoryPath } from '../categories';
import { needChannels, needKinds, needStatuses, type NeedFilters } from '../needs.api';
import { useCategories } from '../needs.queries';
import { dueFilters } from '../needs.stages';
import { FilterActions } from '../../../components/FilterActions';


type Values = Omit<NeedFilters, 'from' | 'to' | 'status' | 'categoryId'> & {
  status?: string[];
  category?: string[];
  period?: [Dayjs | null, Dayjs | null];
};

/** State, category, place, channel, kind, submission time and keyword; all applied on the server. */
export function NeedFiltersBar({ value, onSearch }: { value: NeedFilters; onSearch: (filters: NeedFilters) => void }) {
  const { t, i18n } = useTranslation('needs');
  const [form] = Form.useForm<Values>();
  const { data: categories } = useCategories();
  // the filters used most in one row (1366×768 keeps room for the rows); the rest one click away, open when one is applied
  const [more, setMore] = useState(() => Boolean(value.kind || value.categoryId || value.channel || value.from || value.to));

  // the URL is the source of truth: back/forward or a shared link refills the form
  useEffect(() => {
    const { from, to, status, categoryId: _category, ...rest } = value;
    form.setFieldsValue({
      ...rest,
      status: status ? status.split(',') : undefined,
      period: from || to ? [from ? isoToWallClock(from) : null, to ? isoToWallClock(to) : null] : undefined,
    });
  }, [form, value]);
  // the category path needs the category list, which may arrive later than the URL
  useEffect(() => {
    form.setFieldsValue({ category: value.categoryId && categories ? categoryPath(categories, value.categoryId).map((c) => c.id) : undefined });
  }, [form, value.categoryId, categories]);

  const submit = ({ period, status, category, q, ...rest }: Values) =>
    onSearch({
      ...rest,
      q: q?.trim() || undefined,
      status: status?.length ? status.join(',') : undefined,
      categoryId: category?.at(-1),
      from: period?.[0] ? wallClockToIso(period[0].startOf('day')) : undefined,
      to: period?.[1] ? wallClockToIso(period[1].endOf('day')) : undefined,
    });

  return (
    <Form form={form} name="needFilters" layout="inline" className="lx-filters" onFinish={submit}>
      <Form.Item name="q" label={t('filter.keyword')}>
        <Input allowClear maxLength={50} style={{ width: 200 }} placeholder={t('filter.keywordPlaceholder')} />
      </Form.Item>
      <Form.Item name="status" label={t('field.status')}>
        <Select mode="multiple" allowClear maxTagCount="responsive" style={{ width: 220 }} placeholder={t('common:all')} options={needStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Form.Item>
      <Form.Item name="regionId" label={t('field.region')}>
        <RegionTreeSelect allowClear placeholder={t('common:anyRegion')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="due" label={t('field.due')}>
        <Select allowClear style={{ width: 150 }} placeholder={t('common:all')} options={dueFilters.map((d) => ({ value: d, label: t(`due.${d}`) }))} />
      </Form.Item>
      <Form.Item hidden={!more} name="kind" label={t('field.kind')}>
        <Select allowClear style={{ width: 120 }} placeholder={t('common:all')} options={needKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item hidden={!more} name="category" label={t('field.category')}>
        <Cascader changeOnSelect allowClear style={{ width: 200 }} placeholder={t('common:all')} options={categoryOptions(categories ?? [], i18n.language)} />
      </Form.Item>
      <Form.Item hidden={!more} name="channel" label={t('field.channel')}>
        <Select allowClear style={{ width: 130 }} placeholder={t('common:all')} options={needChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      </Form.Item>
      <Form.Item hidden={!more} name="period" label={t('field.createdAt')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <FilterActions onReset={() => onSearch({})} />
      <Button type="link" onClick={() => setMore(!more)} icon={more ? <UpOutlined /> : <DownOutlined />} data-testid="filters-more">
        {t(more ? 'filter.less' : 'filter.more')}
      </Button>
    </Form>
  );
}

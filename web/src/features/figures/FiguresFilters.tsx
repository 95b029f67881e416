import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterActions } from '../../components/FilterActions';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import { groupings, type GroupBy, type SummaryQuery } from './figures.api';

type Values = { period?: [Dayjs | null, Dayjs | null]; groupBy?: GroupBy; regionId?: string };

const DAY = 'YYYY-MM-DD';

/** Period (whole days, Beijing time; this month when empty), grouping and area. */
export function FiguresFilters({ value, onSearch }: { value: SummaryQuery; onSearch: (q: SummaryQuery) => void }) {
  const { t } = useTranslation('figures');
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    form.setFieldsValue({
      period: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : undefined,
      groupBy: value.groupBy ?? 'community',
      regionId: value.regionId,
    });
  }, [form, value]);

  const submit = ({ period, groupBy, regionId }: Values) =>
    onSearch({ from: period?.[0]?.format(DAY), to: period?.[1]?.format(DAY), groupBy, regionId: regionId || undefined });

  const thisMonth: [Dayjs, Dayjs] = [dayjs().startOf('month'), dayjs().endOf('month')];
  const lastMonth: [Dayjs, Dayjs] = [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')];
  const thisYear: [Dayjs, Dayjs] = [dayjs().startOf('year'), dayjs().endOf('year')];

  return (
    <Form form={form} name="figuresFilters" layout="inline" className="lx-filters" onFinish={submit}>
      <Form.Item name="period" label={t('field.period')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('thisMonth'), t('thisMonth')]}
          presets={[
            { label: t('thisMonth'), value: thisMonth },
            { label: t('lastMonth'), value: lastMonth },
            { label: t('thisYear'), value: thisYear },
          ]}
        />
      </Form.Item>
      <Form.Item name="groupBy" label={t('field.groupBy')}>
        <Select style={{ width: 120 }} options={groupings.map((g) => ({ value: g, label: t(`group.${g}`) }))} data-testid="figures-group-by" />
      </Form.Item>
      <Form.Item name="regionId" label={t('field.region')}>
        <RegionTreeSelect allowClear placeholder={t('common:anyRegion')} style={{ width: 200 }} />
      </Form.Item>
      <FilterActions onReset={() => onSearch({})} />
    </Form>
  );
}

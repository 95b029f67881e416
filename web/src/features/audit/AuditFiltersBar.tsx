import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToWallClock, wallClockToIso } from '../../lib/time';
import type { AuditFilters } from './audit.api';
import { knownActions, knownObjectTypes } from './audit.codes';
import { FilterActions } from '../../components/FilterActions';
import { actionWord, objectWord } from './audit.words';

type Values = Omit<AuditFilters, 'from' | 'to'> & { period?: [Dayjs | null, Dayjs | null] };

/** The modules of the known actions, in the order they first appear: one option group each. */
const actionGroups = [...new Set(knownActions.map((a) => a.split('.')[0]!))];

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Action, object, actor and time window; times are picked and shown in Beijing time. */
export function AuditFiltersBar({ value, onSearch }: { value: AuditFilters; onSearch: (filters: AuditFilters) => void }) {
  const { t } = useTranslation('audit');
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    const { from, to, ...rest } = value;
    form.setFieldsValue({ ...rest, period: from || to ? [from ? isoToWallClock(from) : null, to ? isoToWallClock(to) : null] : undefined });
  }, [form, value]);

  const submit = ({ period, ...rest }: Values) => {
    const trimmed = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || undefined : v]));
    onSearch({ ...trimmed, from: period?.[0] ? wallClockToIso(period[0]) : undefined, to: period?.[1] ? wallClockToIso(period[1]) : undefined });
  };

  return (
    <Form form={form} name="auditFilters" layout="inline" className="lx-filters" onFinish={submit}>
      <Form.Item name="action" label={t('field.action')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          placeholder={t('common:all')}
          options={actionGroups.map((module) => ({
            label: t(`modules.${module}`, { defaultValue: t('unknownAction') }),
            options: knownActions.filter((a) => a.startsWith(`${module}.`)).map((a) => ({ value: a, label: actionWord(t, a) })),
          }))}
        />
      </Form.Item>
      <Form.Item name="objectType" label={t('field.objectType')}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 160 }} placeholder={t('common:all')} options={knownObjectTypes.map((o) => ({ value: o, label: objectWord(t, o) }))} />
      </Form.Item>
      <Form.Item name="objectId" label={t('field.objectId')}>
        <Input allowClear style={{ width: 200 }} maxLength={64} />
      </Form.Item>
      <Form.Item name="actorId" label={t('field.actorId')} rules={[{ pattern: UUID_PATTERN, message: t('actorIdInvalid') }]}>
        <Input allowClear style={{ width: 200 }} maxLength={36} placeholder={t('actorIdPlaceholder')} />
      </Form.Item>
      <Form.Item name="period" label={t('field.period')}>
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <FilterActions onReset={() => onSearch({})} />
    </Form>
  );
}

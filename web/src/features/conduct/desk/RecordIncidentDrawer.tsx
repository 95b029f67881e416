import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { wallClockToIso } from '../../../lib/time';
import { PhotoUpload } from '../../needs/desk/PhotoUpload';
import { conductApi, entryTitle, type ConductEntry } from '../conduct.api';
import { useConductChange, useEntries } from '../conduct.queries';

type Values = { accountId: string; entryId: string; what: string; occurredAt: Dayjs; photos?: string[]; points: number; suspend: boolean; suspendUntil?: Dayjs };

/** Picks a volunteer in my scope by name, phone or number. */
function VolunteerPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useTranslation('conduct');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const found = useQuery({ queryKey: ['conduct', 'pick', q], queryFn: () => conductApi.findVolunteers(q), enabled: q.length >= 1 });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setSearch}
      placeholder={t('record.pickVolunteer')}
      notFoundContent={q ? t('record.noVolunteer') : null}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.name} ${v.number ?? ''} ${v.communityName}` }))}
      data-testid="record-volunteer"
    />
  );
}

type Props = { volunteer?: { id: string; name: string }; open: boolean; onClose: () => void; onRecorded?: () => void };

/**
 * 记录负面言行: against a given volunteer (from their page) or one picked here; the entry brings its
 * default points and suspension, which the recorder may adjust.
 */
export function RecordIncidentDrawer({ volunteer, open, onClose, onRecorded }: Props) {
  const { t, i18n } = useTranslation('conduct');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const entries = useEntries();
  const suspend = Form.useWatch('suspend', form);
  const record = useConductChange((v: Values) =>
    conductApi.record({
      accountId: volunteer?.id ?? v.accountId,
      entryId: v.entryId,
      what: v.what.trim(),
      occurredAt: wallClockToIso(v.occurredAt),
      photos: v.photos ?? [],
      points: v.points,
      suspend: v.suspend,
      suspendUntil: v.suspend && v.suspendUntil ? v.suspendUntil.format('YYYY-MM-DD') : null,
    }),
  );
  const pickEntry = (id: string) => {
    const e = entries.data?.find((x: ConductEntry) => x.id === id);
    if (!e) return;
    form.setFieldsValue({ points: e.points, suspend: e.suspends, suspendUntil: e.suspends && e.suspendDays ? dayjs().add(e.suspendDays, 'day') : undefined });
  };
  const submit = (v: Values) =>
    record.mutate(v, {
      onSuccess: () => {
        void message.success(t('record.done'));
        form.resetFields();
        onRecorded?.();
        onClose();
      },
      onError: (error: Error) => void message.error(error.message),
    });

  return (
    <Drawer open={open} onClose={onClose} width={480} title={volunteer ? t('record.titleFor', { name: volunteer.name }) : t('record.title')} destroyOnHidden
      extra={<Button type="primary" loading={record.isPending} onClick={() => form.submit()} data-testid="record-submit">{t('record.submit')}</Button>}>
      <Form form={form} layout="vertical" initialValues={{ occurredAt: dayjs(), suspend: false, points: 0 }} onFinish={submit} data-testid="record-form">
        {!volunteer && (
          <Form.Item name="accountId" label={t('field.volunteer')} rules={[{ required: true, message: t('record.volunteerRequired') }]}>
            <VolunteerPicker />
          </Form.Item>
        )}
        <Form.Item name="entryId" label={t('field.entry')} rules={[{ required: true, message: t('record.entryRequired') }]}>
          <Select showSearch optionFilterProp="label" onChange={pickEntry} options={(entries.data ?? []).map((e) => ({ value: e.id, label: entryTitle(e, i18n.language) }))} data-testid="record-entry" />
        </Form.Item>
        <Form.Item name="what" label={t('field.what')} rules={[{ required: true, whitespace: true, message: t('record.whatRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="record-what" />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('field.occurredAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="photos" label={t('field.evidence')}>
          <PhotoUpload />
        </Form.Item>
        <Form.Item name="points" label={t('field.points')} extra={t('record.pointsHint')}>
          <InputNumber min={0} max={100} precision={0} data-testid="record-points" />
        </Form.Item>
        <Form.Item name="suspend" label={t('field.suspend')} valuePropName="checked">
          <Switch data-testid="record-suspend" />
        </Form.Item>
        {suspend && (
          <Form.Item name="suspendUntil" label={t('field.suspendUntil')} extra={t('record.untilHint')}>
            <DatePicker disabledDate={(d) => !d.isAfter(dayjs(), 'day')} data-testid="record-until" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

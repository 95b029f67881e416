import { Cascader, DatePicker, Form, Input, InputNumber, Modal, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { categoryOptions, categoryPath } from '../../needs/categories';
import { useCategories } from '../../needs/needs.queries';
import { frequencies, type Frequency, type NewPlan, type Plan } from '../care.api';
import { weekdays } from '../care.format';

type Values = { category: string[]; title: string; details?: string; frequency: Frequency; dayOf: number; startTime: Dayjs; durationMinutes: number; startsOn?: Dayjs; endsOn?: Dayjs | null };

const DAY = 'YYYY-MM-DD';

/** Add a recurring service to a person's plan, or change one (its first day stays). */
export function PlanFormModal({ plan, onCancel, onSubmit }: { plan: Plan | null; onCancel: () => void; onSubmit: (values: NewPlan) => Promise<unknown> }) {
  const { t, i18n } = useTranslation('care');
  const [form] = Form.useForm<Values>();
  const report = useApiErrorReporter();
  const categories = useCategories().data ?? [];
  const frequency = Form.useWatch('frequency', form) ?? plan?.frequency ?? 'weekly';
  const initial: Partial<Values> = plan
    ? { category: categoryPath(categories, plan.categoryId).map((c) => c.id), title: plan.title, details: plan.details, frequency: plan.frequency, dayOf: plan.dayOf, startTime: dayjs(`2000-01-01T${plan.startTime}`), durationMinutes: plan.durationMinutes, startsOn: dayjs(plan.startsOn), endsOn: plan.endsOn ? dayjs(plan.endsOn) : null }
    : { frequency: 'weekly', dayOf: 1, startTime: dayjs('2000-01-01T09:30'), durationMinutes: 60, startsOn: dayjs() };
  const submit = async (v: Values) => {
    try {
      await onSubmit({
        categoryId: v.category[v.category.length - 1]!, title: v.title.trim(), details: v.details?.trim() ?? '', frequency: v.frequency, dayOf: v.dayOf,
        startTime: v.startTime.format('HH:mm'), durationMinutes: v.durationMinutes,
        // an edit has no first day to change (the field is not shown, so not submitted)
        startsOn: v.startsOn?.format(DAY) ?? plan?.startsOn ?? '', endsOn: v.endsOn ? v.endsOn.format(DAY) : null,
      });
    } catch (error) {
      report(error, form);
    }
  };
  const days = frequency === 'monthly'
    ? Array.from({ length: 28 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))
    : weekdays.map((d) => ({ value: Number(d), label: t(`plan.weekday.${d}`) }));

  return (
    <Modal open width={600} title={t(plan ? 'plan.edit' : 'plan.add')} okText={t('common:save')} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="care-plan-form">
        <Form.Item name="title" label={t('plan.title')} rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }]}>
          <Input maxLength={60} placeholder={t('plan.titleHint')} data-testid="care-plan-title" />
        </Form.Item>
        <Form.Item name="category" label={t('plan.category')} rules={[{ required: true, message: t('form.categoryRequired') }]}>
          <Cascader options={categoryOptions(categories, i18n.language)} data-testid="care-plan-category" />
        </Form.Item>
        <Form.Item name="details" label={t('plan.details')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="frequency" label={t('plan.frequency')}>
          <Select options={frequencies.map((f) => ({ value: f, label: t(`plan.freq.${f}`) }))} onChange={() => form.setFieldValue('dayOf', 1)} />
        </Form.Item>
        <Form.Item name="dayOf" label={t('plan.dayOf')}>
          <Select options={days} data-testid="care-plan-day" />
        </Form.Item>
        <Form.Item name="startTime" label={t('plan.startTime')} rules={[{ required: true, message: t('form.timeRequired') }]}>
          <TimePicker format="HH:mm" minuteStep={5} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('plan.duration')}>
          <InputNumber min={15} max={480} step={15} />
        </Form.Item>
        {!plan && (
          <Form.Item name="startsOn" label={t('plan.startsOn')} rules={[{ required: true, message: t('form.startsOnRequired') }]}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="endsOn" label={t('plan.endsOn')}>
          <DatePicker allowClear />
        </Form.Item>
        <p className="lx-muted">{t('plan.leadHint')}</p>
      </Form>
    </Modal>
  );
}

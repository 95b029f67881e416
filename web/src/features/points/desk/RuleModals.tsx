import { DatePicker, Form, Input, InputNumber, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ruleName, type NewRule, type PointsRule, type RuleChange } from '../points.api';

const tomorrow = () => dayjs().add(1, 'day').startOf('day');
const noPast = (d: Dayjs) => d.isBefore(dayjs().startOf('day'));

/** A change of a rule from a day on: a new version; what was posted before keeps the old one. */
export function RuleChangeModal({ rule, loading, onCancel, onSubmit }: { rule: PointsRule; loading: boolean; onCancel: () => void; onSubmit: (v: RuleChange) => void }) {
  const { t, i18n } = useTranslation('points');
  const [form] = Form.useForm<{ points: number; name: string; nameEn: string; effectiveFrom: Dayjs; active: boolean; note?: string }>();
  const deducting = rule.points < 0;
  return (
    <Modal open title={t('rules.changeTitle', { name: ruleName(rule, i18n.language) })} okText={t('common:save')} okButtonProps={{ loading, 'data-testid': 'rule-save' }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ points: rule.points, name: rule.name, nameEn: rule.nameEn, effectiveFrom: tomorrow(), active: rule.active }}
        onFinish={(v) => onSubmit({ points: v.points, name: v.name, nameEn: v.nameEn, active: v.active, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), note: v.note })}
      >
        <Form.Item name="points" label={t(rule.trigger === 'perHour' ? 'field.pointsPerHour' : 'field.points')} extra={t(deducting ? 'rules.deductHint' : 'rules.awardHint')} rules={[{ required: true }]}>
          <InputNumber precision={2} step={1} min={rule.trigger === 'manual' ? -10000 : deducting ? -10000 : 0.01} max={rule.trigger === 'manual' ? 10000 : deducting ? -0.01 : 10000} data-testid="rule-points" />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('field.effectiveFrom')} extra={t('rules.effectiveHint')} rules={[{ required: true }]}>
          <DatePicker disabledDate={noPast} allowClear={false} />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('field.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="active" label={t('field.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A new rule staff apply by hand: an award (positive) or a deduction (negative). */
export function NewRuleModal({ loading, onCancel, onSubmit }: { loading: boolean; onCancel: () => void; onSubmit: (v: NewRule) => void }) {
  const { t } = useTranslation('points');
  const [form] = Form.useForm<{ code: string; name: string; nameEn: string; points: number; effectiveFrom: Dayjs; note?: string }>();
  return (
    <Modal open title={t('rules.add')} okText={t('common:save')} okButtonProps={{ loading, 'data-testid': 'rule-create' }} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ effectiveFrom: dayjs().startOf('day'), points: 5 }} onFinish={(v) => onSubmit({ ...v, effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') })}>
        <Form.Item name="code" label={t('field.code')} extra={t('rules.codeHint')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_.]*$/, message: t('rules.codeInvalid') }]}>
          <Input maxLength={40} placeholder="award.library" />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('field.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="points" label={t('field.points')} extra={t('rules.signHint')} rules={[{ required: true }]}>
          <InputNumber precision={2} min={-10000} max={10000} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('field.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker disabledDate={noPast} allowClear={false} />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

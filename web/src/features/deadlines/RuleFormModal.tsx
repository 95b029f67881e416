import { App, Cascader, Descriptions, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { useMe } from '../auth/session';
import { categoryOptions } from '../needs/categories';
import { useCategories } from '../needs/needs.queries';
import { RegionTreeSelect } from '../regions/RegionTreeSelect';
import type { DeadlineRule, WindowUnit } from './deadlines.api';
import { useDeadlineChanges } from './deadlines.queries';

type Values = { regionId?: string; categoryId?: string[]; severity: DeadlineRule['severity']; amount: number; unit: WindowUnit };
const severities = ['general', 'important', 'major'] as const;
const units = ['calendar_days', 'working_days'] as const;

/** Add a rule (region, category, severity → window) or change an existing rule's window. */
export function RuleFormModal({ rule, onClose }: { rule?: DeadlineRule; onClose: () => void }) {
  const { t, i18n } = useTranslation(['deadlines', 'needs']);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changes = useDeadlineChanges();
  const report = useApiErrorReporter();
  const categories = useCategories().data ?? [];
  // a street admin's rules are for their street: the region is required (the district admin may leave it for the whole district)
  const districtAdmin = useMe().account.roles.includes('districtAdmin');
  const saving = changes.createRule.isPending || changes.updateRule.isPending;

  const submit = async (values: Values) => {
    try {
      if (rule) await changes.updateRule.mutateAsync({ id: rule.id, patch: { amount: values.amount, unit: values.unit } });
      else await changes.createRule.mutateAsync({ regionId: values.regionId, categoryId: values.categoryId?.at(-1), severity: values.severity, amount: values.amount, unit: values.unit });
      void message.success(t('common:saved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open title={rule ? t('rule.edit') : t('rule.add')} okText={t('common:save')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={rule ? { amount: rule.amount, unit: rule.unit } : { severity: 'general', amount: 2, unit: 'working_days' }}>
        {rule ? (
          <Descriptions size="small" column={1} className="lx-deadline-rule-facts">
            <Descriptions.Item label={t('rule.severity')}>{t(`needs:severity.${rule.severity}`)}</Descriptions.Item>
            <Descriptions.Item label={t('rule.region')}>{rule.regionName ?? t('rule.wholeDistrict')}</Descriptions.Item>
            <Descriptions.Item label={t('rule.category')}>{(i18n.language === 'en' ? rule.categoryNameEn : rule.categoryName) ?? t('rule.anyCategory')}</Descriptions.Item>
          </Descriptions>
        ) : (
          <>
            <Form.Item name="severity" label={t('rule.severity')} rules={[{ required: true }]}>
              <Select options={severities.map((s) => ({ value: s, label: t(`needs:severity.${s}`) }))} />
            </Form.Item>
            <Form.Item name="regionId" label={t('rule.region')} extra={districtAdmin ? t('rule.regionHint') : t('rule.regionHintStreet')} rules={[{ required: !districtAdmin, message: t('rule.regionRequired') }]}>
              <RegionTreeSelect allowClear placeholder={districtAdmin ? t('rule.wholeDistrict') : undefined} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="categoryId" label={t('rule.category')} extra={t('rule.categoryHint')}>
              <Cascader options={categoryOptions(categories, i18n.language)} changeOnSelect allowClear placeholder={t('rule.anyCategory')} />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('rule.window')} required>
          <div className="lx-deadline-window">
            <Form.Item name="amount" noStyle rules={[{ required: true, message: t('rule.amountRequired') }]}>
              <InputNumber min={1} max={365} precision={0} style={{ width: 120 }} aria-label={t('rule.amount')} />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select style={{ width: 160 }} options={units.map((u) => ({ value: u, label: t(`rule.unit.${u}`) }))} aria-label={t('rule.unitLabel')} />
            </Form.Item>
          </div>
        </Form.Item>
        <div className="lx-deadline-unit-hint">{t('rule.unitHint')}</div>
      </Form>
    </Modal>
  );
}

import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE } from '../../lib/time';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { satisfactions, supervisionKinds, type Satisfaction, type SupervisionKind } from './oversight.api';
import { useOversightActions } from './oversight.queries';

type Values = { kind: SupervisionKind; happenedOn: Dayjs; outcome: string; satisfaction?: Satisfaction };

/** A supervision record (督办) while the need is handled, or the satisfaction callback (回访) after it was served. */
export function RecordModal({ needId, callback, onClose }: { needId: string; callback: boolean; onClose: () => void }) {
  const { t } = useTranslation('oversight');
  const [form] = Form.useForm<Values>();
  const { record } = useOversightActions();
  const report = useApiErrorReporter();
  const today = dayjs(dayjs().tz(TIME_ZONE).format('YYYY-MM-DD'));

  const submit = async (v: Values) => {
    try {
      await record.mutateAsync({
        needId,
        body: { kind: callback ? 'satisfactionCallback' : v.kind, happenedOn: v.happenedOn.format('YYYY-MM-DD'), outcome: v.outcome.trim(), ...(callback ? { satisfaction: v.satisfaction } : {}) },
      });
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open title={t(callback ? 'record.callbackTitle' : 'record.title')} okText={t('record.submit')} confirmLoading={record.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'phoneCallback', happenedOn: today }}>
        {callback ? (
          <Form.Item name="satisfaction" label={t('record.satisfaction')} rules={[{ required: true, message: t('record.satisfactionRequired') }]}>
            <Radio.Group optionType="button" options={satisfactions.map((s) => ({ value: s, label: t(`satisfaction.${s}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="kind" label={t('record.kind')} rules={[{ required: true }]}>
            <Select options={supervisionKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item name="happenedOn" label={t('record.happenedOn')} rules={[{ required: true, message: t('record.happenedOnRequired') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} allowClear={false} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="outcome" label={t(callback ? 'record.callbackNotes' : 'record.outcome')} rules={[{ required: true, whitespace: true, message: t('record.outcomeRequired') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount data-testid="record-outcome" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

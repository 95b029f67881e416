import { DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute, TIME_ZONE, wallClockToIso } from '../../lib/time';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { ChangeKind, NeedChanges } from './oversight.api';
import { useOversightActions } from './oversight.queries';

type Values = { reason: string; by?: 'days' | 'date'; extraDays?: number; newDeadline?: Dayjs; resumeOn?: Dayjs };

/** The handler asks the level above to pause the clock (挂起) or to extend the deadline (延期). */
export function AskChangeModal({ needId, kind, clock, onClose }: { needId: string; kind: ChangeKind; clock: Pick<NeedChanges, 'deadlineAt' | 'windowUnit'>; onClose: () => void }) {
  const { t } = useTranslation('oversight');
  const [form] = Form.useForm<Values>();
  const [by, setBy] = useState<'days' | 'date'>('days');
  const { ask } = useOversightActions();
  const report = useApiErrorReporter();
  const today = dayjs().tz(TIME_ZONE).startOf('day');

  const submit = async (v: Values) => {
    const body =
      kind === 'pause'
        ? { kind, reason: v.reason.trim(), resumeOn: v.resumeOn?.format('YYYY-MM-DD') }
        : { kind, reason: v.reason.trim(), ...(by === 'days' ? { extraDays: v.extraDays } : { newDeadline: v.newDeadline ? wallClockToIso(v.newDeadline) : undefined }) };
    try {
      await ask.mutateAsync({ needId, body });
      onClose();
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Modal open title={t(`ask.${kind}.title`)} okText={t('ask.submit')} confirmLoading={ask.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <p className="lx-modal-hint">{t(`ask.${kind}.hint`, { deadline: formatMinute(clock.deadlineAt) })}</p>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ extraDays: 1 }}>
        <Form.Item name="reason" label={t('ask.reason')} rules={[{ required: true, whitespace: true, message: t('ask.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus data-testid="ask-reason" />
        </Form.Item>
        {kind === 'pause' ? (
          <Form.Item name="resumeOn" label={t('ask.resumeOn')} extra={t('ask.resumeOnHint')}>
            <DatePicker disabledDate={(d) => !d.isAfter(today, 'day')} style={{ width: 200 }} />
          </Form.Item>
        ) : (
          <>
            <Radio.Group value={by} onChange={(e) => setBy(e.target.value as 'days' | 'date')} className="lx-oversight-by">
              <Radio value="days">{t('ask.byDays')}</Radio>
              <Radio value="date">{t('ask.byDate')}</Radio>
            </Radio.Group>
            {by === 'days' ? (
              <Form.Item name="extraDays" label={t(`ask.extraDays.${clock.windowUnit}`)} rules={[{ required: true, message: t('ask.extraDaysRequired') }]}>
                <InputNumber min={1} max={30} precision={0} style={{ width: 120 }} data-testid="ask-days" />
              </Form.Item>
            ) : (
              <Form.Item name="newDeadline" label={t('ask.newDeadline')} rules={[{ required: true, message: t('ask.newDeadlineRequired') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isBefore(today, 'day')} style={{ width: 220 }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}

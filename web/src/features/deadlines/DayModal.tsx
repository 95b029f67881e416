import { App, Button, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { CalendarDay, DayKind } from './deadlines.api';
import { useDeadlineChanges } from './deadlines.queries';

type Values = { kind: DayKind; name: string };

/** Mark one day 放假 or 调休上班, or return it to the ordinary week. */
export function DayModal({ day, current, onClose }: { day: string; current?: CalendarDay; onClose: () => void }) {
  const { t } = useTranslation('deadlines');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const changes = useDeadlineChanges();
  const report = useApiErrorReporter();
  const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

  const save = async (values: Values) => {
    try {
      await changes.setDay.mutateAsync({ day, kind: values.kind, name: values.name.trim() });
      void message.success(t('common:saved'));
      onClose();
    } catch (error) {
      report(error, form);
    }
  };
  const clear = async () => {
    try {
      await changes.clearDay.mutateAsync(day);
      void message.success(t('calendar.cleared'));
      onClose();
    } catch (error) {
      report(error);
    }
  };

  return (
    <Modal
      open
      title={t('calendar.dayTitle', { day })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        current && (
          <Button key="clear" danger onClick={clear} loading={changes.clearDay.isPending} data-testid="day-clear">
            {t('calendar.clear')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('calendar.cancel')}
        </Button>,
        <Button key="save" type="primary" onClick={() => form.submit()} loading={changes.setDay.isPending} data-testid="day-save">
          {t('common:save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={save} initialValues={current ?? { kind: weekend ? 'workday' : 'holiday', name: weekend ? t('calendar.defaultWorkdayName') : '' }}>
        <Form.Item name="kind" label={t('calendar.kindLabel')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: t('calendar.kind.holiday') },
              { value: 'workday', label: t('calendar.kind.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]} extra={t('calendar.nameHint')}>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

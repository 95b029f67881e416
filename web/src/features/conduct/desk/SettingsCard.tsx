import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { conductApi, type ConductSettings } from '../conduct.api';
import { conductKeys, useConductChange } from '../conduct.queries';

/** The no-show threshold: how many in how many days put a volunteer on the review list. */
export function SettingsCard() {
  const { t } = useTranslation('conduct');
  const { message } = App.useApp();
  const settings = useQuery({ queryKey: conductKeys.settings, queryFn: conductApi.settings });
  const save = useConductChange((v: ConductSettings) => conductApi.updateSettings(v));
  if (!settings.data) return null;
  return (
    <Card title={t('settings.title')} style={{ marginTop: 16 }}>
      <p className="lx-muted">{t('settings.hint')}</p>
      <Form<ConductSettings> layout="inline" initialValues={settings.data} onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('entries.saved')), onError: (e: Error) => void message.error(e.message) })}>
        <Space wrap>
          <Form.Item name="noShowThreshold" label={t('settings.threshold')}>
            <InputNumber min={0} max={50} precision={0} />
          </Form.Item>
          <Form.Item name="noShowWindowDays" label={t('settings.window')}>
            <InputNumber min={1} max={366} precision={0} />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('common:save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

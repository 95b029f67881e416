import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { careApi, conditionColor, conditions, visitKinds, type NewVisit, type Recipient } from '../care.api';
import { careKeys, useVisits } from '../care.queries';

const dot: Record<string, string> = { good: 'green', attention: 'orange', urgent: 'red' };

/** The visit log, newest first; staff over the person log a visit or call. */
export function VisitsCard({ recipient: r }: { recipient: Recipient }) {
  const { t } = useTranslation('care');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const visits = useVisits(r.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewVisit>();
  const log = async (v: NewVisit) => {
    try {
      await careApi.logVisit(r.id, { ...v, summary: v.summary.trim() });
      setOpen(false);
      message.success(t('visit.logged'));
      await queryClient.invalidateQueries({ queryKey: careKeys.all });
    } catch (error) {
      report(error, form);
    }
  };

  return (
    <Card
      title={visits.data ? `${t('detail.visitsTitle')}（${visits.data.total}）` : t('detail.visitsTitle')}
      extra={r.status === 'active' && <Button onClick={() => setOpen(true)} data-testid="care-visit-add">{t('visit.add')}</Button>}
      data-testid="care-visits"
    >
      {visits.data && visits.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.visitsEmpty')} />
      ) : (
        <Timeline
          items={(visits.data?.items ?? []).map((v) => ({
            color: dot[v.condition],
            children: (
              <Space direction="vertical" size={0} data-testid="care-visit">
                <Space size={6} wrap>
                  <Typography.Text strong>{formatMinute(v.visitedAt)}</Typography.Text>
                  <span>{t(`kind.${v.kind}`)}</span>
                  <Tag color={conditionColor[v.condition]} bordered={false}>{t(`condition.${v.condition}`)}</Tag>
                  <span className="lx-muted">{v.visitorName}</span>
                </Space>
                <span>{v.summary}</span>
              </Space>
            ),
          }))}
        />
      )}
      <Modal open={open} title={t('visit.add')} okText={t('common:save')} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form<NewVisit> form={form} layout="vertical" initialValues={{ kind: 'visit', condition: 'good' }} onFinish={(v) => void log(v)} data-testid="care-visit-form">
          <Form.Item name="kind" label={t('visit.kind')}>
            <Radio.Group optionType="button" options={visitKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="condition" label={t('visit.condition')}>
            <Radio.Group optionType="button" options={conditions.map((c) => ({ value: c, label: t(`condition.${c}`) }))} />
          </Form.Item>
          <Form.Item name="summary" label={t('visit.summary')} rules={[{ required: true, whitespace: true, message: t('visit.summaryRequired') }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('visit.summaryHint')} data-testid="care-visit-summary" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

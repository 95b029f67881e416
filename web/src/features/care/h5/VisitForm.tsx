import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ExclamationCircleFill } from 'antd-mobile-icons';
import { Button, Form, NoticeBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { scrollToFirstError } from '../../h5/first-error';
import { useMobileErrorReporter } from '../../h5/use-mobile-error';
import { careApi, conditions, visitKinds, type Condition, type Visit } from '../care.api';
import { careKeys } from '../care.queries';

type Values = { kind: Visit['kind'][]; condition: Condition[]; summary: string };

// a Selector lets a tap on the chosen option clear it: keep the last choice instead, so there always is one
const keepOne = (value: string[] | undefined, previous: string[] | undefined) => (value?.length ? value : previous);

/** 记录这次走访: how (上门 or 电话), how they were found, and what was seen and done (required). */
export function VisitForm({ recipientId }: { recipientId: string }) {
  const { t } = useTranslation('care');
  const [form] = Form.useForm<Values>();
  const report = useMobileErrorReporter();
  const queryClient = useQueryClient();
  const urgent = (Form.useWatch('condition', form) as Condition[] | undefined)?.[0] === 'urgent';
  const log = useMutation({
    mutationFn: (v: Values) => careApi.logVisit(recipientId, { kind: v.kind[0] ?? 'visit', condition: v.condition[0] ?? 'good', summary: v.summary.trim() }),
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('phone.logged') });
      form.resetFields();
      // the card's last visit, the person's record and their log all change
      void queryClient.invalidateQueries({ queryKey: careKeys.all });
    },
    onError: (error) => report(error, form),
  });

  return (
    <Form
      form={form}
      mode="card"
      layout="vertical"
      className="lx-care-form"
      initialValues={{ kind: ['visit'], condition: ['good'] }}
      onFinish={(v: Values) => log.mutate(v)}
      onFinishFailed={scrollToFirstError}
      data-testid="care-visit-form"
      footer={
        <Button block type="submit" color="primary" size="large" loading={log.isPending} data-testid="care-visit-submit">
          {t('phone.submit')}
        </Button>
      }
    >
      <Form.Header>{t('phone.log')}</Form.Header>
      <Form.Item name="kind" label={t('visit.kind')} normalize={keepOne}>
        <Selector columns={2} options={visitKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="care-visit-kind" />
      </Form.Item>
      <Form.Item name="condition" label={t('visit.condition')} normalize={keepOne}>
        <Selector
          columns={3}
          options={conditions.map((c) => ({
            value: c,
            label: c === 'urgent' ? <span className="lx-care-opt-urgent"><ExclamationCircleFill aria-hidden /> {t(`condition.${c}`)}</span> : t(`condition.${c}`),
          }))}
          data-testid="care-visit-condition"
        />
      </Form.Item>
      {urgent && <NoticeBar color="error" wrap content={t('phone.urgentHint')} data-testid="care-urgent-hint" />}
      <Form.Item name="summary" label={t('visit.summary')} rules={[{ required: true, whitespace: true, message: t('phone.summaryRequired') }]}>
        <TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('visit.summaryHint')} data-testid="care-visit-summary" />
      </Form.Item>
    </Form>
  );
}

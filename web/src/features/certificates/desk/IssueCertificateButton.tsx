import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../../lib/save-file';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { certificatesApi, periodOf, shanghaiToday } from '../certificates.api';

/**
 * For a volunteer's page in the back office: issues a service record certificate for that volunteer
 * over a period (this year unless changed) and downloads the PDF. The server refuses (404) a volunteer
 * outside the caller's subtree and (409) one without a number.
 */
export function IssueCertificateButton({ volunteerId, name }: { volunteerId: string; name: string }) {
  const { t } = useTranslation('certificates');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const [open, setOpen] = useState(false);
  const today = shanghaiToday();
  const initial = periodOf('thisYear', today);
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs] }>();
  const issue = useMutation({
    mutationFn: async ({ period }: { period: [Dayjs, Dayjs] }) => {
      const made = await certificatesApi.issue({ volunteerId, from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD') });
      return certificatesApi.download(made.id);
    },
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      void message.success(t('issued'));
      setOpen(false);
    },
    onError: (error) => report(error),
  });

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} onClick={() => setOpen(true)} data-testid="issue-certificate">
        {t('issueFor')}
      </Button>
      <Modal open={open} title={t('issueForTitle', { name })} okText={t('issue')} confirmLoading={issue.isPending} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ period: [dayjs(initial.from), dayjs(initial.to)] }} onFinish={(values) => issue.mutate(values)}>
          <Form.Item name="period" label={t('period.label')} rules={[{ required: true }]}>
            <DatePicker.RangePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { formatDateTime } from '../../lib/time';
import { certificateKeys, certificatesApi, type Verification } from './certificates.api';
import './certificates.css';

/**
 * The public check of a service record certificate (no login): the page the certificate's QR code
 * links to, /verify/certificate/<code>, and a form to type a code. Shows only what the server says
 * the certificate says: the name masked, no phone, no ID number.
 */
export function VerifyCertificatePage() {
  const { t } = useTranslation('certificates');
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  useEffect(() => form.setFieldsValue({ code }), [code, form]);
  const check = useQuery({ queryKey: certificateKeys.verify(code), queryFn: () => certificatesApi.verify(code), enabled: code.trim().length > 0, retry: false });

  return (
    <div className="lx-verify">
      <header className="lx-verify-top">
        <LanguageSwitch />
      </header>
      <Card className="lx-verify-card" variant="borderless">
        <Typography.Title level={3}>
          <SafetyCertificateOutlined /> {t('verify.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('verify.subtitle')}</Typography.Paragraph>
        <Form form={form} layout="inline" className="lx-verify-form" onFinish={(v) => navigate(`/verify/certificate/${encodeURIComponent(v.code.trim())}`)}>
          <Form.Item name="code" rules={[{ required: true, whitespace: true, message: t('verify.required') }]} className="lx-verify-input">
            <Input size="large" placeholder={t('verify.placeholder')} autoComplete="off" data-testid="verify-code" />
          </Form.Item>
          <Form.Item>
            <Button size="large" type="primary" htmlType="submit" data-testid="verify-submit">
              {t('verify.submit')}
            </Button>
          </Form.Item>
        </Form>
        {check.isFetching && <Spin tip={t('verify.checking')}>{' '}</Spin>}
        {check.isError && <Alert type="error" showIcon message={t('verify.failed')} />}
        {check.data && !check.isFetching && <Outcome result={check.data} />}
      </Card>
    </div>
  );
}

function Outcome({ result }: { result: Verification }) {
  const { t } = useTranslation('certificates');
  const c = result.certificate;
  if (!result.valid || !c) {
    return (
      <div data-testid="verify-result" data-status={result.status}>
        <Result status={result.status === 'invalid' ? 'error' : 'warning'} title={t(`verify.${result.status}`)} subTitle={t(`verify.${result.status}Hint`)} />
      </div>
    );
  }
  return (
    <div data-testid="verify-result" data-status="valid">
      <Result status="success" title={t('verify.valid')} subTitle={t('verify.validHint')} />
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label={t('code')}>
          <span className="lx-verify-code">{c.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.field.name')}>{c.name}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.number')}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.community')}>{c.communityName}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.period')}>{t('period.value', { from: c.from, to: c.to })}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.services')}>{c.serviceCount}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.hours')}>{c.totalHours}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.issuer')}>{c.districtName}</Descriptions.Item>
        <Descriptions.Item label={t('verify.field.issuedAt')}>{formatDateTime(c.issuedAt)}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}

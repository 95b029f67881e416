import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime, formatMinute } from '../../../lib/time';
import { useBack } from '../../../lib/use-back';
import { NeedStatusTag, SeverityTag } from '../../needs/desk/NeedStatusTag';
import { whistlesApi, type Whistle } from '../whistles.api';
import { useWhistle, useWhistleStep } from '../whistles.queries';
import { CallInModal } from './CallInModal';
import { CallsTable } from './CallsTable';
import { TextModal } from './TextModal';
import { WhistleStateTag } from './WhistleStateTag';
import './whistles-desk.css';

/** The item as the whistle shows it: what, where, by when, and why it was whistled. */
function ItemCard({ whistle }: { whistle: Whistle }) {
  const { t } = useTranslation('whistles');
  const { need } = whistle;
  return (
    <Card title={t('detail.item')} className="lx-detail-card">
      <Descriptions column={1} size="small">
        {need && (
          <>
            <Descriptions.Item label={t('field.number')}>
              {whistle.canOpenNeed ? <Link to={`/needs/${need.id}`}>{need.number}</Link> : <span className="lx-mono">{need.number}</span>}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.severity')}>
              <SeverityTag severity={need.severity} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.needStatus')}>
              <NeedStatusTag need={{ ...need, whistle: whistle.state }} />
            </Descriptions.Item>
            <Descriptions.Item label={t('field.deadline')}>
              <Typography.Text type={need.overdue ? 'danger' : undefined}>{formatMinute(need.deadlineAt) || t('common:empty')}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('field.place')}>{[need.regionName, need.address].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={t('field.description')}>{need.description}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('field.street')}>{whistle.street.name}</Descriptions.Item>
        <Descriptions.Item label={t('field.source')}>{t(`source.${whistle.source}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.openedBy')}>{whistle.openedByName ?? t('openedBySystem')}</Descriptions.Item>
        <Descriptions.Item label={t('field.openedAt')}>{formatDateTime(whistle.openedAt)}</Descriptions.Item>
        {whistle.reason && <Descriptions.Item label={t('field.reason')}>{whistle.reason}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/**
 * One whistle in the back office. The street's admin calls units in and closes it; a called unit's
 * contact (a team leader on the desk, staff acting for a department) reports in and records its part.
 */
export function WhistleDetailPage() {
  const { t } = useTranslation('whistles');
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const back = useBack('/whistles');
  const detail = useWhistle(id);
  const [dialog, setDialog] = useState<'callIn' | 'close' | null>(null);
  const callIn = useWhistleStep(id, (v: { unitIds: string[]; teamIds: string[] }) => whistlesApi.callIn(id, v));
  const close = useWhistleStep(id, (summary: string) => whistlesApi.close(id, summary));
  const whistle = detail.data;
  const done = (text: string) => () => {
    setDialog(null);
    message.success(text);
  };
  const failed = (error: Error) => message.error(error.message);

  if (detail.isError) {
    const missing = isApiError(detail.error) && detail.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('detail.notFound') : detail.error.message} extra={<Button onClick={back}>{t('common:back')}</Button>} />;
  }
  if (!whistle) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <div data-testid="whistle-detail" data-state={whistle.state}>
      <PageHeader
        title={
          <Space align="start">
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('common:back')} />
            <span className="lx-detail-title">{whistle.need?.title}</span>
          </Space>
        }
        description={
          <Space size={12}>
            <WhistleStateTag state={whistle.state} />
            <span>{t('progress.value', whistle.progress)}</span>
          </Space>
        }
        extra={
          whistle.canManage && (
            <Space>
              <Button type="primary" data-testid="call-in" onClick={() => setDialog('callIn')}>
                {t('action.callIn')}
              </Button>
              <Button data-testid="close-whistle" onClick={() => setDialog('close')}>
                {t('action.close')}
              </Button>
            </Space>
          )
        }
      />
      {whistle.state === 'closed' && (
        <Alert type="success" showIcon className="lx-page-alert" message={t('detail.closed', { name: whistle.closedByName ?? '', at: formatDateTime(whistle.closedAt) })} description={whistle.summary} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('detail.calls')} className="lx-detail-card">
            <CallsTable whistle={whistle} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ItemCard whistle={whistle} />
        </Col>
      </Row>
      {dialog === 'callIn' && <CallInModal whistle={whistle} loading={callIn.isPending} onCancel={() => setDialog(null)} onSubmit={(v) => callIn.mutate(v, { onSuccess: done(t('callIn.done')), onError: failed })} />}
      {dialog === 'close' && (
        <TextModal
          title={t('close.title')}
          hint={t('close.hint')}
          label={t('field.summary')}
          required={t('close.required')}
          loading={close.isPending}
          onCancel={() => setDialog(null)}
          onSubmit={({ text }) => close.mutate(text, { onSuccess: done(t('close.done')), onError: failed })}
        />
      )}
    </div>
  );
}

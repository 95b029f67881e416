import { VolunteerPassbookCard } from '../../points/desk/VolunteerPassbookCard';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Result, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { volunteersApi, type ReasonMove, type VolunteerDetail } from '../volunteers.api';
import { useDecision, useVolunteer } from '../volunteers.queries';
import { RecordIncidentButton } from '../../conduct/desk/RecordIncidentButton';
import { IssueCertificateButton } from '../../certificates/desk/IssueCertificateButton';
import { Stars, VolunteerStatusTag } from './VolunteerTags';
import './volunteers-desk.css';
import { HoursText } from '../../../components/HoursText';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;


function ProfileCard({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation('volunteers');
  return (
    <Card title={t('detail.profile')} className="lx-detail-card">
      <Space align="start" size={24}>
        {v.photoFileId ? <img className="lx-volunteer-photo" src={`/api/files/${v.photoFileId}`} alt={t('field.photo')} /> : <div className="lx-volunteer-photo" />}
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('field.number')}>{v.number ? <span className="lx-mono">{v.number}</span> : t('noNumber')}</Descriptions.Item>
          <Descriptions.Item label={t('field.status')}><VolunteerStatusTag status={v.status} /></Descriptions.Item>
          <Descriptions.Item label={t('field.phone')}>{v.phone}</Descriptions.Item>
          <Descriptions.Item label={t('field.idNumber')}>{v.idNumber ?? t('common:empty')}</Descriptions.Item>
          <Descriptions.Item label={t('field.gender')}>{v.gender ? t(`gender.${v.gender as 'male' | 'female'}`) : t('common:empty')}</Descriptions.Item>
          <Descriptions.Item label={t('field.birthYear')}>{v.birthYear ?? t('common:empty')}</Descriptions.Item>
          <Descriptions.Item label={t('field.politicalStatus')}>{t(`political.${v.politicalStatus}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.inService')}>{v.inService ? t('inServiceAt', { unit: v.workUnit ?? '' }) : t('no')}</Descriptions.Item>
          <Descriptions.Item label={t('field.community')}>{v.communityName}</Descriptions.Item>
          <Descriptions.Item label={t('field.home')}>{v.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('field.skills')}>{v.skills.join('、') || t('common:empty')}</Descriptions.Item>
          <Descriptions.Item label={t('field.radius')}>{t('radiusValue', { m: v.serviceRadiusM })}</Descriptions.Item>
          <Descriptions.Item label={t('field.availability')} span={2}>
            {v.availability.length === 0 ? t('common:empty') : v.availability.map((w) => t('window', { day: t(`weekday.${w.weekday as Weekday}`), from: w.from, to: w.to })).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.hours')}>
            <Space>{<HoursText hours={v.verifiedHours} />}<Stars count={v.stars} /></Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.hoursThisYear')}><HoursText hours={v.hoursThisYear} /></Descriptions.Item>
          <Descriptions.Item label={t('field.appliedAt')}>{formatDateTime(v.appliedAt)}</Descriptions.Item>
          {v.decidedAt && <Descriptions.Item label={t('field.decided')}>{[formatDateTime(v.decidedAt), v.decidedByName].filter(Boolean).join(' ')}</Descriptions.Item>}
        </Descriptions>
      </Space>
    </Card>
  );
}

function ServicesCard({ v }: { v: VolunteerDetail }) {
  const { t } = useTranslation('volunteers');
  return (
    <Card title={t('detail.services')} className="lx-detail-card" data-testid="volunteer-services">
      <Table
        rowKey={(r) => `${r.source}:${r.sourceId}`}
        size="small"
        pagination={false}
        dataSource={v.recentServices}
        locale={{ emptyText: t('detail.noServices') }}
        columns={[
          { title: t('field.servedOn'), dataIndex: 'servedOn', width: 110 },
          { title: t('field.source'), key: 'source', width: 80, render: (_, r) => t(`source.${r.source}`) },
          { title: t('field.service'), dataIndex: 'title' },
          { title: t('field.hours'), key: 'hours', width: 90, render: (_, r) => <HoursText hours={r.hours} /> },
        ]}
      />
    </Card>
  );
}

/** One volunteer for staff: who they are, their standing and its reason, their verified services, and the decisions. */
export function VolunteerDetailPage() {
  const { t } = useTranslation('volunteers');
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const volunteer = useVolunteer(id);
  const [asking, setAsking] = useState<ReasonMove | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecision(id, ({ move, reason }: { move: ReasonMove | 'approve' | 'reinstate'; reason?: string }) => {
    if (move === 'approve') return volunteersApi.approve(id);
    if (move === 'reinstate') return volunteersApi.reinstate(id);
    if (move === 'refuse') return volunteersApi.refuse(id, reason!);
    if (move === 'suspend') return volunteersApi.suspend(id, reason!);
    return volunteersApi.leaveFor(id, reason!);
  });
  const run = (move: ReasonMove | 'approve' | 'reinstate', reason?: string) =>
    decide.mutate(
      { move, reason },
      {
        onSuccess: (v) => {
          void message.success(t(`done.${move}`, { number: v.number ?? '' }));
          setAsking(null);
          form.resetFields();
        },
        onError: (e) => report(e, form),
      },
    );

  if (volunteer.isError) return isApiError(volunteer.error) && volunteer.error.status === 404 ? <Result status="404" title={t('notFound')} /> : <Alert type="error" message={volunteer.error.message} />;
  const v = volunteer.data;
  if (!v) return <Skeleton active />;
  const actions: (ReasonMove | 'approve' | 'reinstate')[] = !v.canDecide
    ? []
    : v.status === 'applied'
      ? ['approve', 'refuse']
      : v.status === 'active'
        ? ['suspend', 'leave']
        : v.status === 'suspended'
          ? ['reinstate', 'leave']
          : [];
  return (
    <>
      <PageHeader
        title={<Space>{v.name}<VolunteerStatusTag status={v.status} /></Space>}
        description={v.number ?? undefined}
        extra={
          <Space>
            {v.canDecide && v.status === 'active' && <RecordIncidentButton volunteer={{ id: v.id, name: v.name }} onRecorded={() => void volunteer.refetch()} />}
            {v.number && (v.status === 'active' || v.status === 'left') && <IssueCertificateButton volunteerId={v.id} name={v.name} />}
            {actions.map((a) => (
              <Button key={a} type={a === 'approve' || a === 'reinstate' ? 'primary' : 'default'} danger={a === 'suspend' || a === 'refuse'} loading={decide.isPending && decide.variables?.move === a} onClick={() => (a === 'approve' || a === 'reinstate' ? run(a) : setAsking(a))} data-testid={`volunteer-${a}`}>
                {t(`action.${a}`)}
              </Button>
            ))}
          </Space>
        }
      />
      {v.statusReason && <Alert type={v.status === 'suspended' ? 'error' : 'info'} showIcon message={t(`reasonOf.${v.status}`)} description={v.statusReason} style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <ProfileCard v={v} />
        </Col>
        <Col xs={24} xl={10}>
          <ServicesCard v={v} />
        </Col>
      </Row>
      <VolunteerPassbookCard volunteerId={v.id} canAward={v.canDecide && v.status !== 'applied' && v.status !== 'refused'} />
      <Modal open={asking !== null} title={asking ? t(`action.${asking}`) : ''} onOk={() => form.submit()} onCancel={() => setAsking(null)} okButtonProps={{ loading: decide.isPending, danger: true, 'data-testid': 'reason-ok' }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{asking && t(`reasonHint.${asking}`)}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(f) => asking && run(asking, f.reason.trim())}>
          <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={300} showCount autoFocus data-testid="reason-input" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}


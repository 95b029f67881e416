import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Modal, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { MaskedValue } from '../../../components/MaskedValue';
import { PageHeader } from '../../../components/PageHeader';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { careApi, kindName, type Recipient, type RecipientPatch } from '../care.api';
import { ageOf } from '../care.format';
import { careKeys, useRecipient } from '../care.queries';
import { LastVisit } from './CarePage';
import { PairingCard } from './PairingCard';
import { PlansCard } from './PlansCard';
import { RecipientFormModal } from './RecipientFormModal';
import { VisitsCard } from './VisitsCard';

/** The record: who they are, where, their guardian, what they need and what to watch for (staff only). */
function RecordCard({ recipient: r, onEdit, onArchive }: { recipient: Recipient; onEdit: () => void; onArchive: () => void }) {
  const { t, i18n } = useTranslation('care');
  const reveal = (field: 'phone' | 'guardianPhone' | 'idNumber') => () => careApi.reveal(r.id, field);
  const age = ageOf(r.birthYear);
  return (
    <Card
      title={t('detail.record')}
      data-testid="care-record"
      extra={r.canManage && (
        <Space>
          <Button onClick={onEdit} data-testid="care-edit">{t('common:edit')}</Button>
          <Button danger onClick={onArchive} data-testid="care-archive">{t('detail.archive')}</Button>
        </Space>
      )}
    >
      {r.status === 'archived' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('detail.archived', { reason: r.archivedReason ?? '' })} />}
      {r.riskNotes && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('field.riskNotes')} description={r.riskNotes} data-testid="care-risk" />}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('field.callName')}>{r.callName}</Descriptions.Item>
        <Descriptions.Item label={t('field.gender')}>{[r.gender ? t(`gender.${r.gender}`) : null, age !== null ? t('age', { age }) : null].filter(Boolean).join(' · ') || t('common:empty')}</Descriptions.Item>
        <Descriptions.Item label={t('field.idNumber')}>
          <MaskedValue masked={r.idNumber} canReveal={r.canManage} reveal={reveal('idNumber')} confirmTitle={t('reveal.idNumber')} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.phone')}>
          <MaskedValue masked={r.phone} canReveal={r.canManage} reveal={reveal('phone')} confirmTitle={t('reveal.phone')} />
        </Descriptions.Item>
        <Descriptions.Item label={t('field.place')} span={2}>{r.place.text}{r.address ? ` ${r.address}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('field.types')} span={2}>
          <Space size={4} wrap>{r.types.map((k) => <Tag key={k.code} bordered={false} color="purple">{kindName(k, i18n.language)}</Tag>)}</Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('field.guardian')} span={2}>
          {r.guardian ? (
            <Space wrap>
              <span>{r.guardian.name}{r.guardian.relation ? `（${r.guardian.relation}）` : ''}</span>
              <MaskedValue masked={r.guardian.phone} canReveal={r.canManage} reveal={reveal('guardianPhone')} confirmTitle={t('reveal.guardianPhone')} />
            </Space>
          ) : t('common:empty')}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.needs')} span={2}>{r.needs || t('common:empty')}</Descriptions.Item>
        <Descriptions.Item label={t('field.lastVisit')} span={2}><LastVisit at={r.lastVisitAt} condition={r.lastCondition} /></Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 关爱对象 · 详情: the record, the paired volunteers, the plan (一人一策) and the visits. */
export function CareDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('care');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const recipient = useRecipient(id);
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [archiveForm] = Form.useForm<{ reason: string }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: careKeys.all });

  if (recipient.isError) {
    const missing = isApiError(recipient.error) && recipient.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('detail.notFound') : recipient.error.message} extra={<Link to="/care">{t('detail.back')}</Link>} />;
  }
  if (!recipient.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = recipient.data;
  const save = async (patch: RecipientPatch) => {
    await careApi.update(r.id, patch);
    setEditing(false);
    message.success(t('saved'));
    await refresh();
  };
  const archive = async ({ reason }: { reason: string }) => {
    try {
      await careApi.archive(r.id, reason.trim());
      setArchiving(false);
      await refresh();
    } catch (error) {
      report(error, archiveForm);
    }
  };

  return (
    <>
      <PageHeader title={<Space>{r.name}<Typography.Text type="secondary">{r.callName}</Typography.Text>{r.status === 'archived' && <Tag>{t('status.archived')}</Tag>}</Space>} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <RecordCard recipient={r} onEdit={() => setEditing(true)} onArchive={() => setArchiving(true)} />
            <PlansCard recipient={r} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <PairingCard recipient={r} />
            <VisitsCard recipient={r} />
          </Space>
        </Col>
      </Row>
      {editing && <RecipientFormModal recipient={r} onCancel={() => setEditing(false)} onSubmit={save} />}
      <Modal open={archiving} title={t('detail.archive')} okText={t('detail.archive')} okButtonProps={{ danger: true }} onOk={() => archiveForm.submit()} onCancel={() => setArchiving(false)} destroyOnHidden>
        <Form form={archiveForm} layout="vertical" onFinish={(v) => void archive(v)}>
          <Form.Item name="reason" label={t('detail.archiveReason')} rules={[{ required: true, whitespace: true, message: t('form.reasonRequired') }]}>
            <Input maxLength={200} placeholder={t('detail.archiveReasonHint')} data-testid="care-archive-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

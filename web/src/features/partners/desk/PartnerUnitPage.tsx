import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Result, Row, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { isStaff } from '../../../lib/roles';
import { useMe } from '../../auth/session';
import { partnersApi } from '../partners.api';
import { partnerKeys, usePartnerUnit } from '../partners.queries';
import { MembersTable } from './MembersTable';
import { PartnerFormModal, type PartnerFormResult } from './PartnerFormModal';

/** A unit's page: who it is, its paired communities, its in-service party members and their hours this year. */
export function PartnerUnitPage() {
  const { t } = useTranslation('partners');
  const { id } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const unit = usePartnerUnit(id);
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: ({ regionId: _regionId, ...v }: PartnerFormResult) => partnersApi.update(id!, v),
    onSuccess: async (saved) => {
      setEditing(false);
      queryClient.setQueryData(partnerKeys.detail(id!), saved);
      await queryClient.invalidateQueries({ queryKey: partnerKeys.lists });
      message.success(t('saved'));
    },
    onError: (error: Error) => message.error(error.message),
  });

  if (unit.isPending) return <PageLoading />;
  if (unit.isError) return <Result status="404" title={unit.error.message} />;
  const u = unit.data;
  return (
    <>
      <PageHeader
        title={
          <>
            {u.name} <Tag bordered={false}>{t(`type.${u.type}`)}</Tag>
            {!u.active && <Tag>{t('retired')}</Tag>}
          </>
        }
        description={t('unitPage.description', { year: u.year, minimum: u.minimumHours })}
        extra={
          u.canManage && (
            <Button onClick={() => setEditing(true)} data-testid="partner-edit">
              {t('common:edit')}
            </Button>
          )
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('counts.members')} value={u.memberCount} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('counts.behind')} value={u.behindCount} valueStyle={u.behindCount > 0 ? { color: '#d46b08' } : undefined} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={t('unitPage.minimum')} value={u.minimumHours} suffix="h" />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('field.region')}>{u.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('field.address')}>{u.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.contact')}>{u.contact ? `${u.contact.name} ${u.contact.phone}` : t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('field.communities')}>{u.communities.map((c) => c.name).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('unitPage.members', { year: u.year })}>
        <MembersTable members={u.members} minimumHours={u.minimumHours} canRemind={isStaff(me.account.roles)} testId="unit-members" />
      </Card>
      {editing && <PartnerFormModal unit={u} loading={save.isPending} onCancel={() => setEditing(false)} onSubmit={(v) => save.mutate(v)} />}
    </>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../auth/session';
import { partnersApi, partnerTypes, type PartnerType, type PartnerUnit } from '../partners.api';
import { partnerKeys, usePartnerUnits } from '../partners.queries';
import { PartnerFormModal, type PartnerFormResult } from './PartnerFormModal';
import { ReportCountsCard } from './ReportCountsCard';

/** 共建单位: the units over my area or paired with its communities, with their in-service members and who is behind. */
export function PartnersPage() {
  const { t } = useTranslation('partners');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const manages = me.account.roles.some((r) => r === 'streetAdmin' || r === 'districtAdmin');
  const [q, setQ] = useState('');
  const [type, setType] = useState<PartnerType | undefined>();
  const [active, setActive] = useState<boolean | undefined>(true);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = usePartnerUnits({ page, pageSize: 20, q: q.trim() || undefined, type, active });
  const create = useMutation({
    mutationFn: ({ active: _active, ...v }: PartnerFormResult) => partnersApi.create(v),
    onSuccess: async (unit) => {
      setAdding(false);
      await queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      if (unit.temporaryPassword) {
        modal.info({ title: t('created.title'), content: <Typography.Paragraph copyable={{ text: unit.temporaryPassword }}>{t('created.password', { password: unit.temporaryPassword })}</Typography.Paragraph> });
      } else message.success(t('created.ok'));
      navigate(`/partners/${unit.id}`);
    },
    onError: (error: Error) => message.error(error.message),
  });

  const columns = [
    { title: t('field.name'), key: 'name', render: (_: unknown, u: PartnerUnit) => <Link to={`/partners/${u.id}`}>{u.name}</Link> },
    { title: t('field.type'), key: 'type', width: 110, render: (_: unknown, u: PartnerUnit) => <Tag bordered={false}>{t(`type.${u.type}`)}</Tag> },
    { title: t('field.communities'), key: 'communities', render: (_: unknown, u: PartnerUnit) => u.communities.map((c) => c.name).join('、') },
    { title: t('field.contact'), key: 'contact', width: 180, render: (_: unknown, u: PartnerUnit) => (u.contact ? `${u.contact.name} ${u.contact.phone}` : <span className="lx-muted">{t('none')}</span>) },
    { title: t('field.members'), dataIndex: 'memberCount', key: 'members', width: 90 },
    { title: t('field.behind'), key: 'behind', width: 90, render: (_: unknown, u: PartnerUnit) => (u.behindCount > 0 ? <Tag color="warning">{u.behindCount}</Tag> : 0) },
    { title: t('field.active'), key: 'active', width: 80, render: (_: unknown, u: PartnerUnit) => <Tag color={u.active ? 'success' : 'default'} bordered={false}>{t(u.active ? 'active' : 'retired')}</Tag> },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.units')}
        description={t('description')}
        extra={
          <Space>
            <Button onClick={() => navigate('/partners/behind')}>{t('menu.behind')}</Button>
            {manages && (
              <Button type="primary" onClick={() => setAdding(true)} data-testid="partner-add">
                {t('form.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['units', 'active', 'members', 'behind'] as const).map((k) => (
          <Col key={k} span={6}>
            <Card size="small">
              <Statistic title={t(`counts.${k}`)} value={list.data?.counts[k] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('filter.name')} onSearch={(v) => (setQ(v), setPage(1))} style={{ width: 220 }} />
          <Select allowClear placeholder={t('field.type')} value={type} onChange={(v) => (setType(v), setPage(1))} options={partnerTypes.map((k) => ({ value: k, label: t(`type.${k}`) }))} style={{ width: 150 }} />
          <Select
            value={active === undefined ? 'all' : active ? 'active' : 'retired'}
            onChange={(v) => (setActive(v === 'all' ? undefined : v === 'active'), setPage(1))}
            options={(['active', 'retired', 'all'] as const).map((k) => ({ value: k, label: t(k === 'all' ? 'filter.all' : k) }))}
            style={{ width: 120 }}
          />
        </Space>
        <Table<PartnerUnit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          data-testid="partners-table"
        />
      </Card>
      <ReportCountsCard />
      {adding && <PartnerFormModal unit={null} loading={create.isPending} onCancel={() => setAdding(false)} onSubmit={(v) => create.mutate(v)} />}
    </>
  );
}


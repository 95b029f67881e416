import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { whistlesApi, type NewUnit, type Unit } from '../whistles.api';
import { whistleKeys, useUnits } from '../whistles.queries';
import { UnitFormModal } from './UnitFormModal';

/** 吹哨单位: the departments and partner units streets may call in, kept by the district admin. */
export function UnitsPage() {
  const { t } = useTranslation('whistles');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [retired, setRetired] = useState(false);
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const units = useUnits({ includeRetired: retired || undefined });
  const save = useMutation({
    mutationFn: (v: NewUnit & { active?: boolean }) => (editing && editing !== 'new' ? whistlesApi.updateUnit(editing.id, v) : whistlesApi.createUnit(v)),
    onSuccess: async () => {
      setEditing(null);
      message.success(t('units.saved'));
      await queryClient.invalidateQueries({ queryKey: whistleKeys.units });
    },
    onError: (error: Error) => message.error(error.message),
  });

  const columns = [
    { title: t('field.name'), dataIndex: 'name', key: 'name' },
    { title: t('field.kind'), key: 'kind', width: 110, render: (_: unknown, u: Unit) => <Tag bordered={false}>{t(`kind.${u.kind}`)}</Tag> },
    { title: t('field.region'), dataIndex: 'regionName', key: 'region', width: 160 },
    { title: t('field.contact'), key: 'contact', width: 200, render: (_: unknown, u: Unit) => (u.contact ? `${u.contact.name} ${u.contact.phone}` : <span className="lx-muted">{t('contactNone')}</span>) },
    { title: t('field.active'), key: 'active', width: 90, render: (_: unknown, u: Unit) => <Tag color={u.active ? 'success' : 'default'} bordered={false}>{t(u.active ? 'units.active' : 'units.retired')}</Tag> },
    { title: t('field.actions'), key: 'actions', width: 90, render: (_: unknown, u: Unit) => <Button size="small" type="link" onClick={() => setEditing(u)}>{t('common:edit')}</Button> },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.units')}
        description={t('units.description')}
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('units.add')}
          </Button>
        }
      />
      <Card>
        <Checkbox checked={retired} onChange={(e) => setRetired(e.target.checked)}>
          {t('units.showRetired')}
        </Checkbox>
        <Table<Unit> style={{ marginTop: 16 }} rowKey="id" size="middle" columns={columns} dataSource={units.data} loading={units.isFetching} pagination={false} data-testid="units-table" />
      </Card>
      {editing && <UnitFormModal unit={editing === 'new' ? null : editing} loading={save.isPending} onCancel={() => setEditing(null)} onSubmit={(v) => save.mutate(v)} />}
    </>
  );
}

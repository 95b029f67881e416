import { CheckOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { saveFile } from '../../../lib/save-file';
import { formatMinute } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { can, useMe } from '../../auth/session';
import { volunteersApi, volunteerStatuses, type VolunteerRow, type VolunteerStatus } from '../volunteers.api';
import { useVolunteers } from '../volunteers.queries';
import { VolunteerFiltersBar, type VolunteerFilters } from './VolunteerFilters';
import { ImportVolunteersDialog } from './ImportVolunteersDialog';
import { RegistrySettingsButton } from './RegistrySettings';
import { Stars, VolunteerStatusTag } from './VolunteerTags';
import './volunteers-desk.css';
import { HoursText } from '../../../components/HoursText';

type Tab = VolunteerStatus | 'all';

/** 志愿者管理: the registry of my subtree — applications to decide first, then everyone by status. */
export function VolunteersPage() {
  const { t } = useTranslation('volunteers');
  const me = useMe();
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const decides = can(me, 'accounts.manage');
  const [tab, setTab] = useState<Tab>('applied');
  const [filters, setFilters] = useState<VolunteerFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const query = { ...filters, status: tab === 'all' ? undefined : tab, ...paging };
  const list = useVolunteers(query);
  const refilter = (next: { tab?: Tab; filters?: VolunteerFilters }) => {
    if (next.tab) setTab(next.tab);
    if (next.filters) setFilters(next.filters);
    setPaging((p) => ({ ...p, page: 1 }));
    setSelected([]);
  };
  const approve = useMutation({
    mutationFn: () => volunteersApi.approveMany(selected),
    onSuccess: async (result) => {
      void message.success(t('bulk.done', { approved: result.approved.length, skipped: result.skipped.length }));
      setSelected([]);
      await list.refetch();
    },
    onError: (e) => report(e),
  });
  const exporting = useMutation({
    mutationFn: () => volunteersApi.export({ ...filters, status: tab === 'all' ? undefined : tab }),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename),
    onError: (e) => report(e),
  });

  const columns = [
    {
      title: t('field.name'),
      key: 'name',
      render: (_: unknown, v: VolunteerRow) => (
        <Space direction="vertical" size={0}>
          <Link to={`/volunteers/${v.id}`} data-testid="volunteer-link">
            <Typography.Text strong>{v.name}</Typography.Text>
          </Link>
          <span className="lx-mono lx-muted">{v.number ?? t('noNumber')}</span>
        </Space>
      ),
    },
    { title: t('field.phone'), dataIndex: 'phone', key: 'phone', width: 130 },
    { title: t('field.community'), key: 'community', width: 150, render: (_: unknown, v: VolunteerRow) => <Space direction="vertical" size={0}>{v.communityName}<span className="lx-muted">{v.regionName !== v.communityName ? v.regionName : ''}</span></Space> },
    { title: t('field.politicalStatus'), key: 'political', width: 150, render: (_: unknown, v: VolunteerRow) => <>{t(`political.${v.politicalStatus}`)}{v.inService && <div className="lx-muted">{t('inServiceAt', { unit: v.workUnit ?? '' })}</div>}</> },
    { title: t('field.skills'), key: 'skills', render: (_: unknown, v: VolunteerRow) => v.skills.join('、') || t('common:empty') },
    { title: t('field.hours'), key: 'hours', width: 120, render: (_: unknown, v: VolunteerRow) => <Space direction="vertical" size={0}><HoursText hours={v.verifiedHours} /><Stars count={v.stars} /></Space> },
    { title: t('field.status'), key: 'status', width: 100, render: (_: unknown, v: VolunteerRow) => <VolunteerStatusTag status={v.status} /> },
    { title: t('field.appliedAt'), key: 'appliedAt', width: 140, render: (_: unknown, v: VolunteerRow) => formatMinute(v.appliedAt) },
  ];

  return (
    <>
      <PageHeader title={t('menu.volunteers')} description={t('description')} extra={
          <Space>
            {decides && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="volunteers-import">
                {t('importButton')}
              </Button>
            )}
            <RegistrySettingsButton />
          </Space>
        } />
      <Card data-testid="volunteers-page">
        <VolunteerFiltersBar value={filters} onSearch={(f) => refilter({ filters: f })} />
        <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }} wrap>
          <Segmented<Tab> value={tab} onChange={(v) => refilter({ tab: v })} options={[...volunteerStatuses, 'all' as const].map((s) => ({ value: s, label: s === 'all' ? t('common:all') : t(`status.${s}`) }))} data-testid="volunteer-tabs" />
          <Space>
            {decides && tab === 'applied' && (
              <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} loading={approve.isPending} onClick={() => approve.mutate()} data-testid="bulk-approve">
                {t('bulk.approve', { count: selected.length })}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="volunteers-export">
              {t('export')}
            </Button>
          </Space>
        </Space>
        <ListTable<VolunteerRow>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          data-testid="volunteers-table"
          columns={columns}
          rows={list.data?.items}
          fetching={list.isFetching}
          emptyText={t(`empty.${tab}`)}
          rowSelection={decides && tab === 'applied' ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) } : undefined}
          paging={{ ...paging, total: list.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          scroll={{ x: 1100 }}
        />
      </Card>
      <ImportVolunteersDialog open={importing} onClose={() => setImporting(false)} onImported={() => void list.refetch()} />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { partnersApi } from '../partners.api';
import { partnerKeys } from '../partners.queries';

type Row = { communityId: string; communityName: string; unitId: string | null; unitName: string | null; members: number };

/** 双报到 per community: how many in-service party members report to each community of my area, from each work unit. */
export function ReportCountsCard() {
  const { t } = useTranslation('partners');
  const counts = useQuery({ queryKey: [...partnerKeys.all, 'report-counts'], queryFn: () => partnersApi.reportCounts() });
  const columns = [
    { title: t('member.community'), dataIndex: 'communityName', key: 'community', width: 180 },
    { title: t('member.unit'), key: 'unit', render: (_: unknown, r: Row) => r.unitName ?? <span className="lx-muted">{t('reports.otherUnits')}</span> },
    { title: t('field.members'), dataIndex: 'members', key: 'members', width: 120 },
  ];
  return (
    <Card title={t('reports.title')} style={{ marginTop: 16 }}>
      <Table<Row> rowKey={(r) => `${r.communityId}:${r.unitId ?? ''}`} size="small" columns={columns} dataSource={counts.data?.rows} loading={counts.isFetching} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="report-counts" />
    </Card>
  );
}

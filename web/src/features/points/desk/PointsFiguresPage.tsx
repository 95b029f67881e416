import { Card, DatePicker, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import type { CommunityFigures } from '../points.api';
import { useCommunityFigures } from '../points.queries';

const fmt = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** 积分发放统计: per community in my subtree, points issued, deducted, redeemed, outstanding; hours deposited. */
export function PointsFiguresPage() {
  const { t } = useTranslation('points');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
  const figures = useCommunityFigures(query);
  const rows = figures.data ?? [];
  const sum = (k: keyof Omit<CommunityFigures, 'communityId' | 'name'>) => rows.reduce((s, r) => s + r[k], 0);
  const num = (k: keyof Omit<CommunityFigures, 'communityId' | 'name'>) => ({ title: t(`figures.${k}`), dataIndex: k, key: k, align: 'right' as const, render: (v: number) => fmt(v), sorter: (a: CommunityFigures, b: CommunityFigures) => a[k] - b[k] });
  return (
    <>
      <PageHeader title={t('menu.figures')} description={t('figures.description')} />
      <Card
        extra={
          <Space>
            <span>{t('figures.period')}</span>
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} allowEmpty={[true, true]} />
          </Space>
        }
      >
        <Table<CommunityFigures>
          rowKey="communityId"
          size="middle"
          loading={figures.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[{ title: t('figures.community'), dataIndex: 'name', key: 'name', fixed: 'left' as const }, num('pointsIssued'), num('pointsDeducted'), num('pointsRedeemed'), num('pointsOutstanding'), num('hoursDeposited')]}
          summary={() =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><Typography.Text strong>{t('figures.total')}</Typography.Text></Table.Summary.Cell>
                {(['pointsIssued', 'pointsDeducted', 'pointsRedeemed', 'pointsOutstanding', 'hoursDeposited'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right"><Typography.Text strong>{fmt(sum(k))}</Typography.Text></Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
          data-testid="points-figures"
        />
        <div className="lx-muted" style={{ marginTop: 8 }}>{t('figures.hint')}</div>
      </Card>
    </>
  );
}

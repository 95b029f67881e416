import { App, Card, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { formatMinute } from '../../../lib/time';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { mallApi, redemptionStatuses, type Redemption, type RedemptionStatus } from '../mall.api';
import { useMallChange, useRedemptions } from '../mall.queries';
import { ListTable } from '../../../components/ListTable';

const colors: Record<RedemptionStatus, string> = { pending: 'orange', confirmed: 'green', cancelled: 'default', expired: 'default' };

/** 兑换记录: redemptions of the items I manage, by state; cancel one before pickup. */
export function MallRedemptionsPage() {
  const { t } = useTranslation('mall');
  const { modal } = App.useApp();
  const report = useApiErrorReporter();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<{ page: number; pageSize: number; status?: RedemptionStatus; itemId?: string }>({ page: 1, pageSize: 20, itemId: params.get('itemId') ?? undefined });
  const list = useRedemptions(query);
  const cancel = useMallChange((id: string) => mallApi.cancel(id));
  return (
    <>
      <PageHeader title={t('menu.redemptions')} description={t('menu.redemptionsHint')} />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Select allowClear aria-label={t('desk.statusFilter')} placeholder={t('status.all')} style={{ width: 160 }} value={query.status} onChange={(status) => setQuery((q) => ({ ...q, page: 1, status }))} options={redemptionStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} data-testid="redemption-status-filter" />
          <span className="lx-muted">{t('desk.total', { count: list.data?.total ?? 0 })}</span>
        </Space>
        <ListTable<Redemption>
          rowKey="id"
          data-testid="mall-redemptions-table"
          rows={list.data?.items}
          fetching={list.isFetching}
          paging={{ page: query.page, pageSize: query.pageSize, total: list.data?.total, onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })) }}
          columns={[
            { title: t('field.item'), render: (_, r) => `${r.itemName} ×${r.quantity}` },
            { title: t('field.person'), dataIndex: 'accountName' },
            { title: t('field.points'), dataIndex: 'points' },
            { title: t('pickup.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
            { title: t('field.state'), dataIndex: 'status', render: (s: RedemptionStatus) => <Tag color={colors[s]}>{t(`status.${s}`)}</Tag> },
            { title: t('field.redeemedAt'), dataIndex: 'createdAt', render: (v: string) => formatMinute(v) },
            { title: t('field.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatMinute(v) },
            { title: '', render: (_, r) => r.canCancel && <a onClick={() => void modal.confirm({ content: t('desk.cancelConfirm'), onOk: () => cancel.mutateAsync(r.id).catch(report) })}>{t('cancel')}</a> },
          ]}
        />
      </Card>
    </>
  );
}

import { App, Button, Drawer, Segmented, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { useListQuery } from '../../lib/use-list-query';
import { formatDateTime } from '../../lib/time';
import { eventLabel } from './event-labels';
import { deliveryStates, webhooksApi, type Delivery, type DeliveryState, type Done, type Webhook } from './webhooks.api';
import { useWebhookChanges } from './webhooks.queries';

const stateColour: Record<DeliveryState, string> = { pending: 'default', retrying: 'processing', succeeded: 'success', failed: 'error' };
const PAGE_SIZE = 20;

/** 推送记录: one webhook's deliveries, newest first, with their outcome and a resend for the failed. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t } = useTranslation(['webhooks', 'needs']);
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const changes = useWebhookChanges();
  const [state, setState] = useState<DeliveryState | 'all'>('all');
  const [page, setPage] = useState(1);
  const query = { page, pageSize: PAGE_SIZE, ...(state === 'all' ? {} : { state }) };
  // while deliveries wait or retry, the log refreshes itself
  const log = useListQuery({ key: ['webhooks', 'deliveries', webhook.id], query, fetch: (q, signal) => webhooksApi.deliveries(webhook.id, q, signal) });
  const open = log.data?.items.some((d) => d.state === 'pending' || d.state === 'retrying') ?? false;
  const { refetch } = log;
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => void refetch(), 3_000);
    return () => clearInterval(timer);
  }, [open, refetch]);

  const act = async (run: () => Promise<unknown>, done: Done) => {
    try {
      await run();
      void message.success(t(done));
    } catch (error) {
      report(error);
    }
  };

  const columns: ColumnsType<Delivery> = [
    { title: t('log.createdAt'), dataIndex: 'createdAt', width: 170, render: (at: string) => formatDateTime(at) },
    {
      title: t('log.event'),
      key: 'event',
      render: (_, d) => (
        <Space direction="vertical" size={0}>
          <span>{eventLabel(t, d.eventType)}</span>
          <Typography.Text type="secondary" className="lx-mono">
            {d.eventType}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('log.state'), dataIndex: 'state', width: 100, render: (s: DeliveryState) => <Tag color={stateColour[s]}>{t(`deliveryState.${s}`)}</Tag> },
    { title: t('log.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    { title: t('log.status'), dataIndex: 'responseStatus', width: 90, align: 'right', render: (s: number | null) => s ?? t('common:empty') },
    { title: t('log.duration'), dataIndex: 'durationMs', width: 100, align: 'right', render: (ms: number | null) => (ms === null ? t('common:empty') : t('log.durationValue', { ms })) },
    {
      title: t('log.error'),
      dataIndex: 'lastError',
      render: (e: string | null) => (e ? <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 200 }}>{e}</Typography.Text> : null),
    },
    { title: t('log.nextAttempt'), dataIndex: 'nextAttemptAt', width: 170, render: (at: string | null) => formatDateTime(at) },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 100,
      render: (_, d) =>
        d.state === 'failed' && (
          <Button size="small" loading={changes.redeliver.isPending && changes.redeliver.variables === d.id} onClick={() => act(() => changes.redeliver.mutateAsync(d.id), 'done.redelivered')}>
            {t('action.redeliver')}
          </Button>
        ),
    },
  ];

  return (
    <Drawer
      open
      width={1080}
      title={t('log.title', { name: webhook.description || webhook.url })}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={() => log.refetch()}>{t('action.refresh')}</Button>
          <Button type="primary" disabled={!webhook.enabled} loading={changes.test.isPending} onClick={() => act(() => changes.test.mutateAsync(webhook.id), 'done.tested')} data-testid="log-send-test">
            {t('log.sendTest')}
          </Button>
        </Space>
      }
    >
      <Segmented<DeliveryState | 'all'>
        value={state}
        onChange={(v) => {
          setState(v);
          setPage(1);
        }}
        options={[{ value: 'all', label: t('log.all') }, ...deliveryStates.map((s) => ({ value: s, label: t(`deliveryState.${s}`) }))]}
      />
      <ListTable<Delivery>
        style={{ marginTop: 16 }}
        rowKey="id"
        size="small"
        columns={columns}
        rows={log.data?.items}
        fetching={log.isFetching}
        emptyText={t('log.empty')}
        paging={{ page, pageSize: PAGE_SIZE, total: log.data?.total, onChange: setPage }}
        data-testid="delivery-log"
      />
    </Drawer>
  );
}

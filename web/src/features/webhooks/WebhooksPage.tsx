import { App, Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { DeliveriesDrawer } from './DeliveriesDrawer';
import { eventLabel } from './event-labels';
import { SecretModal } from './SecretModal';
import { SettingsModal } from './SettingsModal';
import type { Done, Webhook } from './webhooks.api';
import { useWebhookChanges, useWebhooks } from './webhooks.queries';
import { WebhookFormModal } from './WebhookFormModal';
import './webhooks.css';

const SHOWN_EVENTS = 3;

/** 接口推送: the district's webhooks; the log, test, edit, new secret and delete of each. */
export function WebhooksPage() {
  const { t } = useTranslation(['webhooks', 'needs']);
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const { data, isFetching } = useWebhooks();
  const changes = useWebhookChanges();
  const [editing, setEditing] = useState<Webhook | 'new'>();
  const [secret, setSecret] = useState<string>();
  const [logOf, setLogOf] = useState<string>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const logged = data?.find((w) => w.id === logOf);

  const act = async (run: () => Promise<unknown>, done?: Done) => {
    try {
      await run();
      if (done) void message.success(t(done));
    } catch (error) {
      report(error);
    }
  };

  const state = (w: Webhook) => {
    if (w.enabled) {
      return (
        <Space size={4} wrap>
          <Tag color="success">{t('state.on')}</Tag>
          {w.consecutiveFailures > 0 && <Tag color="warning">{t('state.failing', { count: w.consecutiveFailures })}</Tag>}
        </Space>
      );
    }
    return w.disabledReason === 'failures' ? <Tag color="error">{t('state.failures')}</Tag> : <Tag>{t('state.off')}</Tag>;
  };

  const columns: ColumnsType<Webhook> = [
    {
      title: t('field.name'),
      key: 'name',
      render: (_, w) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{w.description || t('unnamed')}</Typography.Text>
          <Typography.Text type="secondary" className="lx-mono" ellipsis={{ tooltip: w.url }} style={{ maxWidth: 380 }}>
            {w.url}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('field.events'),
      key: 'events',
      render: (_, w) => (
        <Space size={[4, 4]} wrap>
          {w.events.slice(0, SHOWN_EVENTS).map((e) => (
            <Tooltip key={e} title={e}>
              <Tag>{eventLabel(t, e)}</Tag>
            </Tooltip>
          ))}
          {w.events.length > SHOWN_EVENTS && (
            <Tooltip title={w.events.slice(SHOWN_EVENTS).map((e) => eventLabel(t, e)).join('、')}>
              <Tag>{t('events.more', { count: w.events.length - SHOWN_EVENTS })}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('field.state'), key: 'state', width: 200, render: (_, w) => state(w) },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 330,
      render: (_, w) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setLogOf(w.id)} data-testid="webhook-log">
            {t('action.log')}
          </Button>
          <Button type="link" size="small" disabled={!w.enabled} onClick={() => act(() => changes.test.mutateAsync(w.id), 'done.tested')} data-testid="webhook-test">
            {t('action.test')}
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(w)}>
            {t('common:edit')}
          </Button>
          <Button type="link" size="small" onClick={() => act(() => changes.update.mutateAsync({ id: w.id, patch: { enabled: !w.enabled } }), 'done.saved')}>
            {t(w.enabled ? 'action.disable' : 'action.enable')}
          </Button>
          <Popconfirm title={t('action.rotateConfirm')} onConfirm={() => act(async () => setSecret((await changes.rotateSecret.mutateAsync(w.id)).secret))}>
            <Button type="link" size="small">
              {t('action.rotate')}
            </Button>
          </Popconfirm>
          <Popconfirm title={t('action.deleteConfirm')} okButtonProps={{ danger: true }} onConfirm={() => act(() => changes.remove.mutateAsync(w.id), 'done.deleted')}>
            <Button type="link" size="small" danger>
              {t('common:delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.webhooks')}
        description={t('description')}
        extra={
          <Space>
            <Button onClick={() => setSettingsOpen(true)}>{t('settings')}</Button>
            <Button type="primary" onClick={() => setEditing('new')} data-testid="webhook-add">
              {t('add')}
            </Button>
          </Space>
        }
      />
      <Card>
        <ListTable<Webhook> rowKey="id" size="middle" rows={data} fetching={isFetching && !data} columns={columns} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
      {editing && (
        <WebhookFormModal
          webhook={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onCreated={(s) => {
            setEditing(undefined);
            setSecret(s);
          }}
        />
      )}
      {secret && <SecretModal secret={secret} onClose={() => setSecret(undefined)} />}
      {logged && <DeliveriesDrawer webhook={logged} onClose={() => setLogOf(undefined)} />}
      {settingsOpen && <SettingsModal onClose={() => setSettingsOpen(false)} />}
    </>
  );
}

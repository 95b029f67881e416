import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { useListQuery } from '../../lib/use-list-query';
import { jobLabels, jobsApi, jobStates, type Job, type JobState } from './jobs.api';

const stateColor: Record<JobState, string> = { failed: 'error', waiting: 'default', running: 'processing', done: 'success' };

/** 任务队列: failed first, so whoever opens it sees what needs a hand. */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setState] = useState<JobState>();
  const [page, setPage] = useState(1);
  const counts = useQuery({ queryKey: ['jobs', 'counts'], queryFn: () => jobsApi.counts(), refetchInterval: 15_000 });
  // failures first when there are any, else what waits
  const state: JobState = chosen ?? ((counts.data?.failed ?? 0) > 0 ? 'failed' : 'waiting');
  const query = { state, page, pageSize: 20 };
  const result = useListQuery({ key: ['jobs', 'list'], query, fetch: (q, signal) => jobsApi.list(q, signal), enabled: counts.isSuccess || counts.isError });
  const retry = useMutation({
    mutationFn: (id: string) => jobsApi.retry(id),
    onSuccess: () => {
      message.success(t('retried'));
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (err: Error) => message.error(err.message),
  });
  const nameOf = (name: string) => {
    const label = jobLabels[name];
    return label ? t(`names.${label}`) : t('names.other');
  };

  const columns = [
    { title: t('field.name'), key: 'name', render: (_: unknown, j: Job) => <Tooltip title={j.key}>{nameOf(j.name)}</Tooltip> },
    { title: t('field.state'), key: 'state', width: 110, render: (_: unknown, j: Job) => <Tag color={stateColor[j.state]}>{t(`states.${j.state}`)}</Tag> },
    { title: t('field.runAt'), key: 'runAt', width: 180, render: (_: unknown, j: Job) => formatDateTime(j.runAt) },
    { title: t('field.attempts'), key: 'attempts', width: 110, render: (_: unknown, j: Job) => `${j.attempts} / ${j.maxAttempts}` },
    { title: t('field.finishedAt'), key: 'finishedAt', width: 180, render: (_: unknown, j: Job) => formatDateTime(j.finishedAt) },
    {
      title: t('field.lastError'),
      key: 'lastError',
      render: (_: unknown, j: Job) => (j.lastError ? <Typography.Text type="danger" ellipsis={{ tooltip: j.lastError }} style={{ maxWidth: 320 }}>{j.lastError}</Typography.Text> : null),
    },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, j: Job) =>
        j.state === 'failed' ? (
          <Button size="small" loading={retry.isPending && retry.variables === j.id} onClick={() => retry.mutate(j.id)}>
            {t('retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.jobs')} description={t('description')} />
      <Card>
        <Segmented<JobState>
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={jobStates.map((s) => ({
            value: s,
            label: (
              <span>
                {t(`states.${s}`)} <Badge count={counts.data?.[s] ?? 0} showZero overflowCount={99999} color={s === 'failed' && (counts.data?.failed ?? 0) > 0 ? 'red' : 'gray'} />
              </span>
            ),
          }))}
        />
        {result.isError && <Alert type="error" showIcon message={result.error.message} style={{ marginTop: 16 }} />}
        <Table<Job>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={result.data?.items}
          loading={result.isFetching}
          locale={result.isFetching ? { emptyText: ' ' } : undefined}
          pagination={{ current: page, pageSize: 20, total: result.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        />
      </Card>
    </>
  );
}

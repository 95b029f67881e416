import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { needsApi, type BulkResult, type NeedSummary } from '../needs.api';
import { needKeys } from '../needs.queries';
import { TeamPickerModal } from './TeamPickerModal';

type BulkAction = 'accept' | 'dispatch' | 'pool';
type Props = { selected: string[]; rows: NeedSummary[]; onClear: () => void };

/** Accept, dispatch or pool the picked needs; each succeeds or fails on its own, and the result says which. */
export function BulkActions({ selected, rows, onClear }: Props) {
  const { t } = useTranslation('needs');
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const report = useApiErrorReporter();
  const [picking, setPicking] = useState(false);
  const bulk = useMutation({
    mutationFn: (body: { action: BulkAction; teamId?: string; note?: string }) => needsApi.bulk({ ids: selected, ...body }),
    onSuccess: (results, { action }) => {
      setPicking(false);
      showResults(action, results);
      onClear();
      void queryClient.invalidateQueries({ queryKey: needKeys.all });
    },
    onError: (error) => report(error),
  });

  const numberOf = (id: string) => rows.find((r) => r.id === id)?.number ?? id.slice(0, 8);
  const showResults = (action: BulkAction, results: BulkResult[]) => {
    const failed = results.filter((r) => !r.ok);
    const title = t('bulk.result', { action: t(`bulk.${action}`), ok: results.length - failed.length, failed: failed.length });
    const content = failed.length ? (
      <ul className="lx-bulk-failures">
        {failed.map((r) => (
          <li key={r.id}>
            <span className="lx-mono">{numberOf(r.id)}</span>：{t(`bulkError.${r.code ?? 'unknown'}`, { defaultValue: r.code ?? '' })}
          </li>
        ))}
      </ul>
    ) : null;
    if (failed.length) modal.warning({ title, content, width: 520 });
    else modal.success({ title });
  };

  if (selected.length === 0) return null;
  return (
    <Alert
      type="info"
      className="lx-bulk-bar"
      data-testid="bulk-bar"
      message={t('bulk.selected', { count: selected.length })}
      action={
        <Space>
          <Popconfirm title={t('bulk.confirm', { action: t('bulk.accept'), count: selected.length })} onConfirm={() => bulk.mutate({ action: 'accept' })}>
            <Button size="small" type="primary" loading={bulk.isPending && bulk.variables?.action === 'accept'}>
              {t('bulk.accept')}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => setPicking(true)}>
            {t('bulk.dispatch')}
          </Button>
          <Popconfirm title={t('bulk.confirm', { action: t('bulk.pool'), count: selected.length })} onConfirm={() => bulk.mutate({ action: 'pool' })}>
            <Button size="small" loading={bulk.isPending && bulk.variables?.action === 'pool'}>
              {t('bulk.pool')}
            </Button>
          </Popconfirm>
          <Button size="small" type="link" onClick={onClear}>
            {t('bulk.clear')}
          </Button>
          {picking && (
            <TeamPickerModal
              title={t('bulk.dispatchTitle', { count: selected.length })}
              loading={bulk.isPending}
              onCancel={() => setPicking(false)}
              onPick={(teamId, note) => bulk.mutate({ action: 'dispatch', teamId, note })}
            />
          )}
        </Space>
      }
    />
  );
}

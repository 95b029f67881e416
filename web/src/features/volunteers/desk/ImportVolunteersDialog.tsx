import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SheetDropZone } from '../../../components/SheetDropZone';
import { api, type ApiResponse } from '../../../api/api';
import { http } from '../../../api/client';
import { saveFile } from '../../../lib/save-file';
import { useApiErrorReporter } from '../../../lib/use-api-error';

type ImportStatus = ApiResponse<'/api/volunteer-imports/{id}', 'get'>;
type ImportState = ImportStatus['state'];

const running: ImportState[] = ['queued', 'checking', 'importing'];

/** The words of each state (literal keys, so the catalogue check can see them). */
function useStateLabel() {
  const { t } = useTranslation('volunteers');
  const labels: Record<ImportState, string> = {
    queued: t('import.state.queued'),
    checking: t('import.state.checking'),
    importing: t('import.state.importing'),
    refused: t('import.state.refused'),
    done: t('import.state.done'),
    failed: t('import.state.failed'),
  };
  return (state: ImportState) => labels[state];
}

/**
 * 批量导入志愿者: download the template, upload the filled sheet, watch the job check and import it
 * (polled), and see every problem of a refused sheet by row and column, with the per-row error report.
 * Nothing is imported unless every row is good.
 */
export function ImportVolunteersDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported?: () => void }) {
  const { t } = useTranslation('volunteers');
  const report = useApiErrorReporter();
  const stateLabel = useStateLabel();
  const [importId, setImportId] = useState<string | null>(null);

  const template = useMutation({ mutationFn: () => http.download('/api/volunteers/import-template'), onSuccess: ({ blob, filename }) => saveFile(blob, filename), onError: (error) => report(error) });
  const errorReport = useMutation({
    mutationFn: (id: string) => http.download(`/api/volunteer-imports/${id}/report`),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename),
    onError: (error) => report(error),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return http.upload<ImportStatus>('/api/volunteer-imports', form);
    },
    onSuccess: (started) => setImportId(started.id),
    onError: (error) => report(error),
  });
  const status = useQuery({
    queryKey: ['volunteers', 'import', importId],
    queryFn: () => api.get('/api/volunteer-imports/{id}', { params: { id: importId! } }),
    enabled: importId !== null,
    // poll while the job works; stop once it has an outcome
    refetchInterval: (query) => (query.state.data && !running.includes(query.state.data.state) ? false : 1000),
  });
  const current = status.data;
  const finished = current?.state === 'done';
  // the registry's list is refreshed once, when an import has gone in
  useEffect(() => {
    if (finished) onImported?.();
  }, [finished, onImported]);

  // closing while the job works leaves it working: the registry shows the volunteers once it is done
  const close = () => {
    setImportId(null);
    onClose();
  };
  const percent = current ? Math.round(((current.state === 'done' ? current.totalRows : current.checkedRows) / Math.max(1, current.totalRows)) * 100) : 0;

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={<Button onClick={close}>{t('import.close')}</Button>} width={720} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('import.intro')}
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
          {t('import.template')}
        </Button>
        {(!current || !running.includes(current.state)) && (
          <SheetDropZone
            title={t('import.drop')}
            hint={t('import.dropHint')}
            disabled={upload.isPending}
            onFile={(file) => {
              setImportId(null);
              upload.mutate(file);
            }}
            testId="volunteer-import-upload"
          />
        )}
        {current && (
          <>
            <div>
              <Typography.Text strong>{current.fileName}</Typography.Text> · {stateLabel(current.state)}
              <Progress percent={percent} status={current.state === 'refused' || current.state === 'failed' ? 'exception' : finished ? 'success' : 'active'} />
              <Typography.Text type="secondary">{t('import.progress', { checked: current.checkedRows, total: current.totalRows })}</Typography.Text>
            </div>
            {finished && (
              <Alert
                type="success"
                showIcon
                message={t('import.doneTitle', { count: current.importedRows })}
                description={
                  <>
                    <div>{t('import.doneNew', { count: current.createdAccounts })}</div>
                    {current.skippedRows > 0 && <div>{t('import.doneSkipped', { count: current.skippedRows })}</div>}
                  </>
                }
              />
            )}
            {current.state === 'failed' && <Alert type="error" showIcon message={t('import.failed')} />}
            {current.state === 'refused' && (
              <>
                <Alert
                  type="error"
                  showIcon
                  message={t('import.refusedTitle', { count: current.problems.length, rows: new Set(current.problems.map((p) => p.row)).size })}
                  description={t('import.refusedHint')}
                  action={
                    <Button size="small" icon={<DownloadOutlined />} loading={errorReport.isPending} onClick={() => errorReport.mutate(current.id)}>
                      {t('import.report')}
                    </Button>
                  }
                />
                <Table
                  size="small"
                  rowKey={(p) => `${p.row}-${p.column}-${p.reason}`}
                  dataSource={current.problems}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('import.column.row'), dataIndex: 'row', width: 80 },
                    { title: t('import.column.column'), dataIndex: 'column', width: 160 },
                    { title: t('import.column.reason'), dataIndex: 'reason' },
                  ]}
                />
              </>
            )}
            {current.skipped.length > 0 && (
              <Typography.Text type="secondary">{t('import.skippedRows', { rows: current.skipped.slice(0, 20).map((s) => s.row).join(', '), count: current.skipped.length })}</Typography.Text>
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}

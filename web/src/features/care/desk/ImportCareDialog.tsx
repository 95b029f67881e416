import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SheetDropZone } from '../../../components/SheetDropZone';
import { saveFile } from '../../../lib/save-file';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { careApi, type ImportOutcome } from '../care.api';

/**
 * 批量导入关爱对象 (as ImportVolunteersDialog): download the template, upload the filled sheet, and see
 * every problem of a refused sheet by row and column, with the per-row error report. Nothing is
 * imported unless every row is good. The server answers at once (no job to poll); it keeps no copy
 * of the sheet, so the error report is built from the same file sent again.
 */
export function ImportCareDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported?: () => void }) {
  const { t } = useTranslation('care');
  const report = useApiErrorReporter();
  const [sent, setSent] = useState<{ file: File; outcome: ImportOutcome } | null>(null);

  const template = useMutation({ mutationFn: careApi.importTemplate, onSuccess: ({ blob, filename }) => saveFile(blob, filename), onError: (error) => report(error) });
  const errorReport = useMutation({ mutationFn: careApi.importReport, onSuccess: ({ blob, filename }) => saveFile(blob, filename), onError: (error) => report(error) });
  const upload = useMutation({
    mutationFn: async (file: File) => ({ file, outcome: await careApi.importSheet(file) }),
    onSuccess: (answer) => {
      setSent(answer);
      // the list is refreshed once, when a sheet has gone in
      if (answer.outcome.state === 'done') onImported?.();
    },
    onError: (error) => report(error),
  });

  const close = () => {
    setSent(null);
    onClose();
  };
  const outcome = sent?.outcome;

  return (
    <Modal open={open} title={t('import.title')} onCancel={close} footer={<Button onClick={close}>{t('import.close')}</Button>} width={720} destroyOnHidden>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('import.intro')}
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()} data-testid="care-import-template">
          {t('import.template')}
        </Button>
        <Spin spinning={upload.isPending} tip={t('import.checking')}>
          <SheetDropZone
            title={t('import.drop')}
            hint={t('import.dropHint')}
            disabled={upload.isPending}
            onFile={(file) => {
              setSent(null);
              upload.mutate(file);
            }}
            testId="care-import-upload"
          />
        </Spin>
        {sent && outcome?.state === 'done' && (
          <Alert type="success" showIcon message={t('import.doneTitle', { count: outcome.importedRows })} description={t('import.doneHint')} data-testid="care-import-done" />
        )}
        {sent && outcome?.state === 'refused' && (
          <>
            <Alert
              type="error"
              showIcon
              message={t('import.refusedTitle', { count: outcome.problems.length, rows: new Set(outcome.problems.map((p) => p.row)).size })}
              description={t('import.refusedHint')}
              action={
                <Button size="small" icon={<DownloadOutlined />} loading={errorReport.isPending} onClick={() => errorReport.mutate(sent.file)} data-testid="care-import-report">
                  {t('import.report')}
                </Button>
              }
            />
            <Table
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.reason}`}
              dataSource={outcome.problems}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="care-import-problems"
              columns={[
                { title: t('import.column.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column.column'), dataIndex: 'column', width: 160 },
                { title: t('import.column.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}

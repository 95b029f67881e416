import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { deadlinesApi } from './deadlines.api';
import { useDeadlineChanges } from './deadlines.queries';
import { saveFile } from '../../lib/save-file';

type CellError = { code: string; row: number; column: string };

function cellErrors(error: unknown): CellError[] {
  const details = isApiError(error) ? (error.details as { errors?: CellError[] } | undefined) : undefined;
  return details?.errors ?? [];
}

/** The template download and the Excel import; a refused sheet lists every bad cell by row and column. */
export function CalendarImport() {
  const { t } = useTranslation('deadlines');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const changes = useDeadlineChanges();
  const [errors, setErrors] = useState<CellError[]>([]);
  const template = useMutation({ mutationFn: deadlinesApi.template, onSuccess: ({ blob, filename }) => saveFile(blob, filename), onError: (error) => report(error) });

  const upload = async (file: File) => {
    setErrors([]);
    try {
      const { imported } = await changes.importSheet.mutateAsync(file);
      void message.success(t('import.done', { count: imported }));
    } catch (error) {
      setErrors(cellErrors(error));
      report(error);
    }
  };

  return (
    <>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
          {t('import.template')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={changes.importSheet.isPending} data-testid="calendar-import">
            {t('import.button')}
          </Button>
        </Upload>
      </Space>
      {errors.length > 0 && (
        <Alert
          className="lx-calendar-errors"
          type="error"
          showIcon
          closable
          onClose={() => setErrors([])}
          message={t('import.refused')}
          description={
            <ul>
              {errors.slice(0, 20).map((e) => (
                <li key={`${e.row}-${e.column}`}>{t(`import.error.${e.code.replace('deadlines.import.', '')}`, { row: e.row, column: e.column, defaultValue: t('import.error.other', { row: e.row, column: e.column }) })}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { needsApi, type NeedFilters } from '../needs.api';

/** Saves a file the browser received (an object URL clicked by a detached link, then released). */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The ledger as it is filtered now, as an Excel workbook (every list exports, SPEC §10). */
export function ExportButton({ filters }: { filters: NeedFilters }) {
  const { t } = useTranslation('needs');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const exporting = useMutation({
    mutationFn: () => needsApi.export({ ...filters, view: 'all' }),
    onSuccess: ({ blob, filename }) => {
      save(blob, filename);
      void message.success(t('exported'));
    },
    onError: (error) => report(error),
  });
  return (
    <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="needs-export">
      {t('export')}
    </Button>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { needsApi, type NeedFilters } from '../needs.api';
import { saveFile } from '../../../lib/save-file';

/** The ledger as it is filtered now, as an Excel workbook (every list exports, SPEC §10). */
export function ExportButton({ filters }: { filters: NeedFilters }) {
  const { t } = useTranslation('needs');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const exporting = useMutation({
    mutationFn: () => needsApi.export({ ...filters, view: 'all' }),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
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

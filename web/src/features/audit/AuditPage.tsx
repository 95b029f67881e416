import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { AuditFiltersBar } from './AuditFiltersBar';
import { AuditTable } from './AuditTable';
import { useAuditQuery } from './use-audit-query';
import './audit.css';

/** 审计日志: every login, change and look at personal data within my subtree. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { query, result, setFilters, narrow, setPage } = useAuditQuery();

  return (
    <>
      <PageHeader title={t('menu.audit')} description={t('description')} />
      <Card className="lx-filters-card">
        <AuditFiltersBar value={query} onSearch={setFilters} />
      </Card>
      {result.isError && <Alert type="error" showIcon message={result.error.message} className="lx-page-alert" />}
      <Card>
        <AuditTable
          rows={result.data?.items}
          fetching={result.isFetching}
          paging={{ page: query.page, pageSize: query.pageSize, total: result.data?.total, onChange: setPage }}
          onNarrow={narrow}
        />
      </Card>
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { usePermission } from '../auth/session';
import type { Account } from './accounts.api';
import { useAccountsPage } from './accounts.queries';
import { AccountFiltersBar } from './AccountFiltersBar';
import { AccountFormModal } from './AccountFormModal';
import { AccountTable } from './AccountTable';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { useAccountQuery } from './use-account-query';
import './accounts.css';

type Dialog = { kind: 'create' } | { kind: 'edit'; account: Account } | { kind: 'password'; name: string; password: string } | null;

/** 账号管理: the people and staff bound to my subtree. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const canManage = usePermission('accounts.manage');
  const { query, setFilters, setPage } = useAccountQuery();
  const { data, isFetching } = useAccountsPage(query);
  const { page, pageSize } = query;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const showPassword = (name: string, password: string) => setDialog({ kind: 'password', name, password });

  return (
    <>
      <PageHeader
        title={t('menu.accounts')}
        description={t('description')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('create')}
            </Button>
          )
        }
      />
      <Card className="lx-filters-card">
        <AccountFiltersBar value={query} onSearch={setFilters} />
      </Card>
      <Card>
        <AccountTable
          rows={data?.items}
          fetching={isFetching}
          paging={{ page, pageSize, total: data?.total, onChange: setPage }}
          onEdit={(account) => setDialog({ kind: 'edit', account })}
          onPasswordIssued={(account, password) => showPassword(account.name, password)}
        />
      </Card>
      {dialog?.kind === 'create' && (
        <AccountFormModal
          mode="create"
          onClose={close}
          onCreated={(account, password) => {
            void message.success(t('created', { name: account.name }));
            if (password) showPassword(account.name, password);
            else close();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <AccountFormModal
          mode="edit"
          account={dialog.account}
          onClose={close}
          onSaved={() => {
            void message.success(t('common:saved'));
            close();
          }}
        />
      )}
      {dialog?.kind === 'password' && <TemporaryPasswordModal name={dialog.name} password={dialog.password} onClose={close} />}
    </>
  );
}

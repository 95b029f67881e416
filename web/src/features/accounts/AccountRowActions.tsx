import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorReporter } from '../../lib/use-api-error';
import type { Account } from './accounts.api';
import { useAccountChanges } from './accounts.queries';

type Props = {
  account: Account;
  isSelf: boolean;
  onEdit: (account: Account) => void;
  onPasswordIssued: (account: Account, password: string) => void;
};

/** Edit, reset password, unlock login, disable / enable. Disabling ends the person's sessions at once. */
export function AccountRowActions({ account, isSelf, onEdit, onPasswordIssued }: Props) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const { setStatus, resetPassword, unlock } = useAccountChanges();
  const report = useApiErrorReporter();
  const disabled = account.status === 'disabled';

  const toggle = () =>
    setStatus.mutate(
      { id: account.id, status: disabled ? 'active' : 'disabled' },
      {
        onSuccess: () => void message.success(t(disabled ? 'enabled' : 'disabled', { name: account.name })),
        onError: (error) => report(error),
      },
    );

  const reset = () =>
    resetPassword.mutate(account.id, {
      onSuccess: ({ temporaryPassword }) => onPasswordIssued(account, temporaryPassword),
      onError: (error) => report(error),
    });

  const unlockLogin = () =>
    unlock.mutate(account.id, {
      onSuccess: ({ wasLocked }) => void message.success(t(wasLocked ? 'unlocked' : 'notLocked', { name: account.name })),
      onError: (error) => report(error),
    });

  return (
    <Space size={0} wrap split={<span className="lx-action-split" />}>
      <Button type="link" size="small" onClick={() => onEdit(account)}>
        {t('common:edit')}
      </Button>
      <Popconfirm title={t('resetConfirm', { name: account.name })} description={t('resetHint')} onConfirm={reset}>
        <Button type="link" size="small" loading={resetPassword.isPending}>
          {t('resetPassword')}
        </Button>
      </Popconfirm>
      <Popconfirm title={t('unlockConfirm', { name: account.name })} description={t('unlockHint')} onConfirm={unlockLogin}>
        <Button type="link" size="small" loading={unlock.isPending}>
          {t('unlock')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t(disabled ? 'enableConfirm' : 'disableConfirm', { name: account.name })}
        description={disabled ? undefined : t('disableHint')}
        okButtonProps={{ danger: !disabled }}
        onConfirm={toggle}
        disabled={isSelf}
      >
        <Button type="link" size="small" danger={!disabled} disabled={isSelf} loading={setStatus.isPending}>
          {t(disabled ? 'enable' : 'disable')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

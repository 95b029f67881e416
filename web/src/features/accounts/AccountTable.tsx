import { Badge, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { canManagePerson } from '../../lib/roles';
import { formatDateTime } from '../../lib/time';
import { can, useMe } from '../auth/session';
import { RegionTypeTag } from '../regions/RegionTypeTag';
import { RoleTags } from '../shell/RoleTags';
import { ListTable, type TablePaging } from '../../components/ListTable';
import { accountsApi, type Account } from './accounts.api';
import { AccountRowActions } from './AccountRowActions';
import { MaskedValue } from '../../components/MaskedValue';

type Props = {
  /** The rows answering the filters on screen; undefined until they come. */
  rows: Account[] | undefined;
  fetching: boolean;
  paging: TablePaging;
  onEdit: (account: Account) => void;
  onPasswordIssued: (account: Account, password: string) => void;
};

/** One page of accounts from the server; sorting and paging happen there, never in the browser. */
export function AccountTable({ rows, fetching, paging, onEdit, onPasswordIssued }: Props) {
  const { t } = useTranslation('accounts');
  const me = useMe();
  const manage = can(me, 'accounts.manage');

  const columns: TableProps<Account>['columns'] = [
    {
      title: t('common:field.name'),
      dataIndex: 'name',
      width: 120,
      fixed: 'left',
      render: (name: string, a) => (
        <span>
          {name}
          {a.mustChangePassword && (
            <Tooltip title={t('pendingPasswordHint')}>
              <Typography.Text type="warning" className="lx-pending-password">
                {t('pendingPassword')}
              </Typography.Text>
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('common:field.phone'), dataIndex: 'phone', width: 170, render: (v: string, a) => <MaskedValue masked={v} canReveal={can(me, 'pii.revealPhone')} reveal={() => accountsApi.reveal(a.id, 'phone')} confirmTitle={t('common:reveal.title.phone')} /> },
    { title: t('field.idNumber'), dataIndex: 'idNumber', width: 220, render: (v: string | null, a) => <MaskedValue masked={v} canReveal={can(me, 'pii.revealIdNumber')} reveal={() => accountsApi.reveal(a.id, 'idNumber')} confirmTitle={t('common:reveal.title.idNumber')} /> },
    { title: t('common:field.roles'), dataIndex: 'roles', render: (roles: string[]) => <RoleTags roles={roles} /> },
    {
      title: t('field.region'),
      dataIndex: 'regionName',
      render: (name: string | null, a) => (
        <span>
          {a.regionType && <RegionTypeTag type={a.regionType} />} {name}
        </span>
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Badge status={s === 'active' ? 'success' : 'default'} text={t(`accountStatus.${s}`, { defaultValue: s })} />,
    },
    { title: t('common:field.lastLoginAt'), dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => formatDateTime(v) || t('neverLoggedIn') },
    { title: t('field.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];
  if (manage) {
    columns.push({
      title: t('common:actions'),
      key: 'actions',
      fixed: 'right',
      // four links (编辑 · 重置密码 · 解锁 · 停用) take 271 px: at 250 the last was cut to 停
      width: 310,
      render: (_v, a) =>
        canManagePerson(me.account.roles, a.roles) ? (
          <AccountRowActions account={a} isSelf={a.id === me.account.id} onEdit={onEdit} onPasswordIssued={onPasswordIssued} />
        ) : (
          <Typography.Text type="secondary">{t('outranksYou')}</Typography.Text>
        ),
    });
  }

  return (
    <ListTable<Account> rowKey="id" size="middle" data-testid="accounts-table" rows={rows} fetching={fetching} paging={paging} columns={columns} scroll={{ x: 1560 }} />
  );
}

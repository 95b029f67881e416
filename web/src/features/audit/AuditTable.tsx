import { Button, Descriptions, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDetailNames } from './use-detail-names';
import { ListTable, type TablePaging } from '../../components/ListTable';
import { formatDateTime } from '../../lib/time';
import { RoleTags } from '../shell/RoleTags';
import type { AuditEntry, AuditFilters } from './audit.api';
import { anonymousActions } from './audit.codes';
import { actionWord, objectWord } from './audit.words';
import { detailLabel, detailNamespaces, objectIdText, orderedDetails, readValue, valueText, type ReadValue } from './audit.values';

/** The account id the server's own jobs act under (server platform/auth/actor.ts SYSTEM_ACCOUNT_ID). */
const SYSTEM_ACCOUNT_ID = '00000000-0000-0000-0000-000000000000';
const bySystem = (e: AuditEntry) => e.actorId === SYSTEM_ACCOUNT_ID || Boolean(e.actorRoles?.includes('system'));

type Props = { rows: AuditEntry[] | undefined; fetching: boolean; paging: TablePaging; onNarrow: (filters: AuditFilters) => void };

const actionColor = (action: string) => (action.startsWith('pii.') ? 'magenta' : action.startsWith('auth.') ? 'blue' : action.endsWith('delete') || action.endsWith('disable') ? 'red' : 'geekblue');

function Value({ read }: { read: ReadValue }) {
  const { t } = useTranslation(detailNamespaces);
  if ('nested' in read) {
    return (
      <ul className="lx-audit-nested">
        {read.nested.map((n) => (
          <li key={n.key}>{t('audit:value.pair', { name: n.label, value: valueText(t, n.value) })}</li>
        ))}
      </ul>
    );
  }
  if ('text' in read && read.id) return <Typography.Text className="lx-mono">{read.text}</Typography.Text>;
  return <>{valueText(t, read)}</>;
}

/** An entry's details, each named and each value in words (codes by their feature's catalogue). */
function Details({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation(detailNamespaces);
  const nameOf = useDetailNames(entry.action);
  return (
    <Descriptions size="small" column={2} bordered data-testid="audit-details">
      {orderedDetails(entry.details ?? {}).map(([key, value]) => (
        <Descriptions.Item key={key} label={detailLabel(t, key)}>
          <Value read={readValue(t, entry.action, key, value, nameOf)} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Audit entries, newest first; clicking an actor or an object narrows the search to it. */
export function AuditTable({ rows, fetching, paging, onNarrow }: Props) {
  const { t } = useTranslation('audit');
  const { t: tn } = useTranslation(detailNamespaces);
  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('field.at'), dataIndex: 'at', width: 180, render: (v: string) => formatDateTime(v) },
    {
      title: t('field.actor'),
      dataIndex: 'actorName',
      render: (name: string | null, e) =>
        e.actorId && !bySystem(e) ? (
          <span>
            <Tooltip title={t('narrowActor')}>
              <Button type="link" size="small" className="lx-link-inline" onClick={() => onNarrow({ actorId: e.actorId ?? undefined })}>
                {name ?? e.actorId}
              </Button>
            </Tooltip>
            <RoleTags roles={e.actorRoles ?? []} />
          </span>
        ) : (
          <Typography.Text type="secondary">{t(anonymousActions.includes(e.action) ? 'anonymous' : 'system')}</Typography.Text>
        ),
    },
    {
      title: t('field.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <Tag color={actionColor(a)}>{actionWord(t, a)}</Tag>
      ),
    },
    {
      title: t('field.object'),
      key: 'object',
      render: (_v, e) => (
        <span>
          {objectWord(t, e.objectType)}{' '}
          {e.objectId && (
            <Tooltip title={t('narrowObject')}>
              <Button type="link" size="small" className="lx-link-inline lx-mono" onClick={() => onNarrow({ objectType: e.objectType, objectId: e.objectId ?? undefined })}>
                {objectIdText(tn, e.objectType, e.objectId)}
              </Button>
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: t('field.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? t('common:empty') },
  ];

  return (
    <ListTable<AuditEntry>
      rowKey="id"
      size="middle"
      data-testid="audit-table"
      rows={rows}
      fetching={fetching}
      paging={paging}
      columns={columns}
      expandable={{ rowExpandable: (e) => Boolean(e.details && Object.keys(e.details).length), expandedRowRender: (e) => <Details entry={e} /> }}
    />
  );
}

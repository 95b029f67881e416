import { Alert, Card, Segmented, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { dueFilters } from '../needs.stages';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import type { NeedSummary } from '../needs.api';
import { categoryLabel } from '../needs.format';
import { useMyTeams, useNeedsPage } from '../needs.queries';
import { inboxStages } from '../needs.stages';
import { useStageTabs } from '../use-stage-tabs';
import { InboxRowActions } from './InboxRowActions';
import { NeedStatusTag } from './NeedStatusTag';
import './needs-desk.css';
import { DeadlineText } from './DeadlineText';

/** 队长接单: orders dispatched to the teams I lead — take or decline them, then assign members. */
export function TeamInboxPage() {
  const { t, i18n } = useTranslation('needs');
  const teams = useMyTeams();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  // the workbench links here on a tab (?stage=) or to what is due (?due=, on every state)
  const [params, setParams] = useSearchParams();
  const due = dueFilters.find((d) => d === params.get('due'));
  const { stage, status, select } = useStageTabs(inboxStages, () => setPaging((p) => ({ ...p, page: 1 })), due ? 'all' : params.get('stage'));
  const result = useNeedsPage({ view: 'team', status, due, sort: due ? 'deadline' : undefined, ...paging });
  const teamNames = (teams.data ?? []).map((team) => team.name).join('、');

  const columns: TableProps<NeedSummary>['columns'] = [
    { title: t('field.number'), dataIndex: 'number', width: 190, render: (v: string, n) => <Link to={`/needs/${n.id}`} className="lx-mono">{v}</Link> },
    { title: t('field.title'), dataIndex: 'title', ellipsis: true },
    // state and deadline next to the title: the leader's first question, in sight at 1366 px without
    // scrolling the table sideways (at the end they sat behind the fixed actions)
    { title: t('field.status'), dataIndex: 'status', width: 150, render: (_v, n) => <NeedStatusTag need={n} /> },
    {
      title: t('field.deadlineAt'),
      dataIndex: 'deadlineAt',
      width: 170,
      render: (_v: string | null, n) => <DeadlineText need={n} />,
    },
    { title: t('field.slots'), key: 'slots', width: 90, render: (_v, n) => t('slotsValue', { filled: n.filled, slots: n.slots }) },
    { title: t('field.category'), key: 'category', width: 110, render: (_v, n) => categoryLabel(n, i18n.language) },
    { title: t('field.region'), dataIndex: 'regionName', width: 110 },
    { title: t('field.requester'), dataIndex: 'requesterName', width: 100 },
    { title: t('common:actions'), key: 'actions', width: 200, fixed: 'right', render: (_v, n) => <InboxRowActions need={n} /> },
  ];

  return (
    <>
      <PageHeader title={t('menu.teamOrders')} description={teamNames ? t('inbox.description', { teams: teamNames }) : t('inbox.noTeam')} />
      {result.isError && <Alert type="error" showIcon message={result.error.message} className="lx-page-alert" />}
      <Card>
        <div className="lx-ledger-toolbar">
          <Segmented
            value={stage}
            onChange={select}
            options={inboxStages.map((s) => ({ value: s.key, label: t(`inbox.stage.${s.key}`) }))}
          />
          {due && (
            <Tag closable color="red" data-testid="inbox-due" onClose={() => setParams({})}>
              {t(`due.${due}`)}
            </Tag>
          )}
        </div>
        <ListTable<NeedSummary>
          rowKey="id"
          size="middle"
          data-testid="inbox-table"
          rows={result.data?.items}
          fetching={result.isFetching}
          paging={{ ...paging, total: result.data?.total, onChange: (page, pageSize) => setPaging({ page, pageSize }) }}
          columns={columns}
          scroll={{ x: 1300 }}
          emptyText={t('inbox.empty')}
        />
      </Card>
    </>
  );
}

import { Alert, Button, Card, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatMinute } from '../../lib/time';
import { ChangeStateTag } from './ChangeFacts';
import { DecideModal } from './DecideModal';
import { changeStates, type ChangeState, type Decision } from './oversight.api';
import { useDecisions } from './oversight.queries';
import './oversight.css';

const PAGE_SIZE = 20;

/** 待审批: the pause and extension requests the level below asked of me, waiting first; approve or refuse here. */
export function DecisionsPage() {
  const { t } = useTranslation('oversight');
  const [state, setState] = useState<ChangeState>('requested');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ change: Decision; verdict: 'approve' | 'refuse' }>();
  const result = useDecisions({ state, page, pageSize: PAGE_SIZE });

  const columns = [
    {
      title: t('field.need'),
      key: 'need',
      render: (_: unknown, d: Decision) => (
        <div className="lx-oversight-need">
          <Link to={`/needs/${d.needId}`}>{d.needNumber}</Link>
          <Typography.Text ellipsis={{ tooltip: d.needTitle }} style={{ maxWidth: 220 }}>
            {d.needTitle}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('field.kind'), key: 'kind', width: 90, render: (_: unknown, d: Decision) => <Tag color={d.kind === 'pause' ? 'orange' : 'blue'}>{t(`kind.${d.kind}`)}</Tag> },
    { title: t('field.askedBy'), key: 'askedBy', width: 140, render: (_: unknown, d: Decision) => `${t(`common:roles.${d.requestedRole}`)} ${d.requestedByName ?? ''}` },
    { title: t('field.reason'), key: 'reason', render: (_: unknown, d: Decision) => <Typography.Text ellipsis={{ tooltip: d.reason }} style={{ maxWidth: 260 }}>{d.reason}</Typography.Text> },
    { title: t('field.oldDeadline'), key: 'old', width: 150, render: (_: unknown, d: Decision) => formatMinute(d.oldDeadline) },
    {
      title: t('field.asked'),
      key: 'asked',
      width: 150,
      render: (_: unknown, d: Decision) => (d.kind === 'extension' ? formatMinute(d.newDeadline) : d.resumeOn ? t('field.resumeOnShort', { day: d.resumeOn }) : t('field.resumeOnOpen')),
    },
    { title: t('field.requestedAt'), key: 'at', width: 150, render: (_: unknown, d: Decision) => formatMinute(d.requestedAt) },
    {
      title: t('field.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, d: Decision) =>
        d.canDecide ? (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => setDeciding({ change: d, verdict: 'approve' })}>
              {t('decide.approve.ok')}
            </Button>
            <Button size="small" danger onClick={() => setDeciding({ change: d, verdict: 'refuse' })}>
              {t('decide.refuse.ok')}
            </Button>
          </Space>
        ) : (
          <ChangeStateTag change={d} />
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('menu.decisions')} description={t('decisions.description')} />
      <Card>
        <Segmented<ChangeState>
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={changeStates.map((s) => ({ value: s, label: t(`decisions.tab.${s}`) }))}
        />
        {result.isError && <Alert type="error" showIcon message={result.error.message} style={{ marginTop: 16 }} />}
        <ListTable<Decision>
          style={{ marginTop: 16 }}
          rowKey="id"
          size="middle"
          rows={result.data?.items}
          fetching={result.isFetching}
          columns={columns}
          emptyText={t('decisions.empty')}
          data-testid="decisions"
          paging={{ page, pageSize: PAGE_SIZE, total: result.data?.total, onChange: (p) => setPage(p) }}
        />
      </Card>
      {deciding && <DecideModal change={deciding.change} verdict={deciding.verdict} onClose={() => setDeciding(undefined)} />}
    </>
  );
}

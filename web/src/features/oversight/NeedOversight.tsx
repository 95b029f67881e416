import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../lib/time';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { AskChangeModal } from './AskChangeModal';
import { ChangeFacts } from './ChangeFacts';
import { DecideModal } from './DecideModal';
import type { ChangeKind, DeadlineChange } from './oversight.api';
import { useNeedChanges, useNeedSupervisions, useOversightActions } from './oversight.queries';
import { RecordModal } from './RecordModal';
import './oversight.css';

/** Relations to a need that see its oversight: staff over it and the leader of its team (the server decides). */
const overseers = ['gridWorker', 'communityAdmin', 'streetAdmin', 'districtAdmin', 'teamLeader'];

/** 办理期限 (pauses and extensions) and 督办记录 on the back-office need page, for those who may see them. */
export function NeedOversight({ need }: { need: { id: string; myRelations: readonly string[] } }) {
  if (!need.myRelations.some((r) => overseers.includes(r))) return null;
  return (
    <>
      <DeadlineChangesCard needId={need.id} />
      <SupervisionCard needId={need.id} />
    </>
  );
}

function DeadlineChangesCard({ needId }: { needId: string }) {
  const { t } = useTranslation('oversight');
  const changes = useNeedChanges(needId);
  const { resume } = useOversightActions();
  const report = useApiErrorReporter();
  const [asking, setAsking] = useState<ChangeKind>();
  const [deciding, setDeciding] = useState<{ change: DeadlineChange; verdict: 'approve' | 'refuse' }>();
  const data = changes.data;
  if (!data) return null;
  const running = data.items.find((c) => c.kind === 'pause' && c.state === 'approved');
  const waiting = data.items.find((c) => c.state === 'requested');

  return (
    <Card
      title={t('card.deadline')}
      className="lx-detail-card"
      data-testid="deadline-changes"
      extra={
        data.canAsk && (
          <Space>
            <Button size="small" onClick={() => setAsking('pause')} data-testid="ask-pause">
              {t('ask.pause.button')}
            </Button>
            <Button size="small" onClick={() => setAsking('extension')} data-testid="ask-extension">
              {t('ask.extension.button')}
            </Button>
          </Space>
        )
      }
    >
      {data.pausedAt && (
        <Alert
          type="warning"
          showIcon
          className="lx-oversight-alert"
          message={t('paused', { at: formatMinute(data.pausedAt) })}
          action={
            running?.canResume && (
              <Button size="small" loading={resume.isPending} onClick={() => resume.mutate(running.id, { onError: (e) => report(e) })} data-testid="resume">
                {t('resume')}
              </Button>
            )
          }
        />
      )}
      {waiting?.canDecide && (
        <Alert
          type="info"
          showIcon
          className="lx-oversight-alert"
          message={t(`waiting.${waiting.kind}`, { name: waiting.requestedByName ?? '' })}
          action={
            <Space>
              <Button size="small" type="primary" onClick={() => setDeciding({ change: waiting, verdict: 'approve' })} data-testid="approve">
                {t('decide.approve.ok')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ change: waiting, verdict: 'refuse' })} data-testid="refuse">
                {t('decide.refuse.ok')}
              </Button>
            </Space>
          }
        />
      )}
      {data.items.length ? (
        <List size="small" dataSource={data.items} rowKey="id" renderItem={(c) => <List.Item><ChangeFacts change={c} /></List.Item>} />
      ) : (
        <Typography.Text type="secondary">{t(data.running ? 'noChanges' : 'notRunning')}</Typography.Text>
      )}
      {asking && <AskChangeModal needId={needId} kind={asking} clock={data} onClose={() => setAsking(undefined)} />}
      {deciding && <DecideModal change={deciding.change} verdict={deciding.verdict} onClose={() => setDeciding(undefined)} />}
    </Card>
  );
}

function SupervisionCard({ needId }: { needId: string }) {
  const { t } = useTranslation('oversight');
  const records = useNeedSupervisions(needId);
  const [adding, setAdding] = useState<'supervise' | 'callback'>();
  const data = records.data;
  if (!data) return null;

  return (
    <Card
      title={t('card.supervision')}
      className="lx-detail-card"
      data-testid="supervisions"
      extra={
        <Space>
          {data.canSupervise && (
            <Button size="small" onClick={() => setAdding('supervise')} data-testid="add-supervision">
              {t('record.button')}
            </Button>
          )}
          {data.canCallback && (
            <Button size="small" onClick={() => setAdding('callback')} data-testid="add-callback">
              {t('record.callbackButton')}
            </Button>
          )}
        </Space>
      }
    >
      {data.items.length ? (
        <List
          size="small"
          dataSource={data.items}
          rowKey="id"
          renderItem={(r) => (
            <List.Item data-testid="supervision" data-kind={r.kind}>
              <div className="lx-oversight-change">
                <div className="lx-oversight-change-head">
                  <Tag color={r.kind === 'satisfactionCallback' ? 'green' : 'volcano'}>{t(`kind.${r.kind}`)}</Tag>
                  {r.satisfaction && <Tag color={r.satisfaction === 'dissatisfied' ? 'red' : 'green'}>{t(`satisfaction.${r.satisfaction}`)}</Tag>}
                  <span className="lx-muted">{r.happenedOn}</span>
                </div>
                <Typography.Paragraph className="lx-oversight-reason">{r.outcome}</Typography.Paragraph>
                <div className="lx-muted">{t('facts.recorded', { role: t(`common:roles.${r.recordedRole}`, { defaultValue: r.recordedRole }), name: r.recordedByName ?? '', at: formatMinute(r.recordedAt) })}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRecords')} />
      )}
      {adding && <RecordModal needId={needId} callback={adding === 'callback'} onClose={() => setAdding(undefined)} />}
    </Card>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiErrorReporter } from '../../../lib/use-api-error';
import { careApi, type NewPlan, type Plan, type Recipient } from '../care.api';
import { planRule } from '../care.format';
import { careKeys, useCarePlans } from '../care.queries';
import { PlanFormModal } from './PlanFormModal';

/** One recurring service: its rule, its next day, its latest orders (each a link to the order). */
function PlanItem({ plan, canManage, onEdit }: { plan: Plan; canManage: boolean; onEdit: () => void }) {
  const { t } = useTranslation('care');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: careKeys.all });
  const stop = useMutation({ mutationFn: () => careApi.stopPlan(plan.id), onSuccess: refresh, onError: (e) => report(e) });
  const order = useMutation({
    mutationFn: () => careApi.orderNow(plan.id, plan.nextDueOn!),
    onSuccess: async (made) => {
      message.success(made.created ? t('plan.ordered') : t('plan.orderedBefore'));
      await refresh();
    },
    onError: (e) => report(e),
  });
  return (
    <List.Item
      data-testid="care-plan"
      actions={canManage && plan.active ? [
        plan.nextDueOn && <Button key="order" size="small" type="link" loading={order.isPending} onClick={() => order.mutate()} data-testid="care-plan-order">{t('plan.orderNow')}</Button>,
        <Button key="edit" size="small" type="link" onClick={onEdit}>{t('plan.edit')}</Button>,
        <Popconfirm key="stop" title={t('plan.stopConfirm')} onConfirm={() => stop.mutate()}>
          <Button size="small" type="link" danger>{t('plan.stop')}</Button>
        </Popconfirm>,
      ].filter(Boolean) : []}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{plan.title}</Typography.Text>
          {!plan.active && <Tag bordered={false}>{t('plan.stopped')}</Tag>}
          {plan.active && (plan.nextDueOn ? <Tag bordered={false} color="blue">{t('plan.next', { day: plan.nextDueOn })}</Tag> : <Tag bordered={false}>{t('plan.over')}</Tag>)}
        </Space>
        <span className="lx-muted">{planRule(t, plan)}</span>
        {plan.details && <span>{plan.details}</span>}
        {plan.recent.length > 0 && (
          <Space size={[8, 2]} wrap>
            <span className="lx-muted">{t('plan.recent')}</span>
            {plan.recent.map((run) =>
              run.need ? (
                <Link key={run.dueOn} to={`/needs/${run.need.id}`}>{run.dueOn} {run.need.number}</Link>
              ) : (
                <Tag key={run.dueOn} bordered={false}>{run.dueOn} {t(`plan.outcome.${run.outcome}`)}</Tag>
              ),
            )}
          </Space>
        )}
      </Space>
    </List.Item>
  );
}

/** 一人一策: the person's recurring services; each day is ordered three days ahead and dispatched by the community. */
export function PlansCard({ recipient: r }: { recipient: Recipient }) {
  const { t } = useTranslation('care');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const plans = useCarePlans(r.id);
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const save = async (values: NewPlan) => {
    if (editing && editing !== 'new') {
      const { startsOn: _first, ...patch } = values;
      await careApi.updatePlan(editing.id, patch);
    } else await careApi.createPlan(r.id, values);
    setEditing(null);
    message.success(t('saved'));
    await queryClient.invalidateQueries({ queryKey: careKeys.all });
  };
  return (
    <Card title={t('detail.plansTitle')} extra={r.canManage && <Button onClick={() => setEditing('new')} data-testid="care-plan-add">{t('plan.add')}</Button>} data-testid="care-plans">
      {plans.data && plans.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.plansEmpty')} />
      ) : (
        <List dataSource={plans.data ?? []} loading={plans.isFetching && !plans.data} renderItem={(p) => <PlanItem plan={p} canManage={r.canManage} onEdit={() => setEditing(p)} />} />
      )}
      {editing && <PlanFormModal plan={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSubmit={save} />}
    </Card>
  );
}

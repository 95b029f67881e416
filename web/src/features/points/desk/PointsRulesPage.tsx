import { App, Button, Card, Form, InputNumber, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { pointsApi, ruleName, type PointsCaps, type PointsRule } from '../points.api';
import { useCaps, useLedgerChange, useRules } from '../points.queries';
import { NewRuleModal, RuleChangeModal } from './RuleModals';

type RuleRow = PointsRule & { versions: PointsRule[] };

/** Each rule once — the version in force today, else the next one — with its other versions below it. */
function byRule(all: readonly PointsRule[]): RuleRow[] {
  const groups = new Map<string, PointsRule[]>();
  for (const r of all) groups.set(r.code, [...(groups.get(r.code) ?? []), r]);
  return [...groups.values()].map((versions) => ({ ...(versions.find((v) => v.inForce) ?? versions.at(-1)!), versions }));
}

function CapsCard() {
  const { t } = useTranslation('points');
  const { message } = App.useApp();
  const caps = useCaps();
  const save = useLedgerChange((v: PointsCaps) => pointsApi.updateCaps(v));
  const [form] = Form.useForm<PointsCaps>();
  if (!caps.data) return null;
  return (
    <Card title={t('caps.title')} style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" initialValues={caps.data} onFinish={(v) => save.mutate({ dailyCap: v.dailyCap ?? null, monthlyCap: v.monthlyCap ?? null }, { onSuccess: () => void message.success(t('caps.saved')), onError: (e: Error) => void message.error(e.message) })}>
        <Form.Item name="dailyCap" label={t('caps.daily')}>
          <InputNumber min={0.01} precision={2} placeholder={t('caps.none')} data-testid="cap-daily" />
        </Form.Item>
        <Form.Item name="monthlyCap" label={t('caps.monthly')}>
          <InputNumber min={0.01} precision={2} placeholder={t('caps.none')} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={save.isPending}>{t('common:save')}</Button>
        </Form.Item>
      </Form>
      <div className="lx-muted" style={{ marginTop: 8 }}>{t('caps.hint')}</div>
    </Card>
  );
}

/** 加减分细则: the district's points rules, automatic and manual, each change a dated version. */
export function PointsRulesPage() {
  const { t, i18n } = useTranslation('points');
  const { message } = App.useApp();
  const rules = useRules();
  const rows = useMemo(() => byRule(rules.data ?? []), [rules.data]);
  const [editing, setEditing] = useState<PointsRule | null>(null);
  const [adding, setAdding] = useState(false);
  const change = useLedgerChange((v: Parameters<typeof pointsApi.changeRule>[1]) => pointsApi.changeRule(editing!.code, v));
  const create = useLedgerChange(pointsApi.createRule);
  const done = (close: () => void) => ({ onSuccess: () => { close(); void message.success(t('rules.saved')); }, onError: (e: Error) => void message.error(e.message) });
  const points = (r: PointsRule) =>
    r.trigger === 'conductIncident' ? (
      <Tag color="error" bordered={false}>{t('rules.byEntry')}</Tag>
    ) : (
    <Tag color={r.points < 0 ? 'error' : 'success'} bordered={false}>
      {r.points > 0 ? '+' : ''}
      {r.points}
      {r.trigger === 'perHour' ? t('rules.perHourSuffix') : ''}
    </Tag>
    );
  const columns = [
    { title: t('field.name'), key: 'name', render: (_: unknown, r: RuleRow) => ruleName(r, i18n.language) },
    { title: t('field.trigger'), key: 'trigger', width: 170, render: (_: unknown, r: RuleRow) => <Tag bordered={false} color={r.trigger === 'manual' ? 'default' : 'processing'}>{t(`trigger.${r.trigger}`)}</Tag> },
    { title: t('field.points'), key: 'points', width: 120, render: (_: unknown, r: RuleRow) => points(r) },
    { title: t('field.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'from', width: 120 },
    { title: t('field.status'), key: 'status', width: 110, render: (_: unknown, r: RuleRow) => (r.inForce ? <Tag color="success" bordered={false}>{t('rules.inForce')}</Tag> : <Tag bordered={false}>{t(r.active ? 'rules.scheduled' : 'rules.off')}</Tag>) },
    { title: t('field.actions'), key: 'actions', width: 90, render: (_: unknown, r: RuleRow) => <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.code}`}>{t('rules.change')}</Button> },
  ];
  const versionColumns = [
    { title: t('field.points'), key: 'points', width: 120, render: (_: unknown, r: PointsRule) => points(r) },
    { title: t('field.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'from', width: 120 },
    { title: t('field.effectiveTo'), key: 'to', width: 120, render: (_: unknown, r: PointsRule) => r.effectiveTo ?? t('rules.open') },
    { title: t('field.note'), dataIndex: 'note', key: 'note' },
  ];
  return (
    <>
      <PageHeader title={t('menu.rules')} description={t('rules.description')} extra={<Button type="primary" onClick={() => setAdding(true)}>{t('rules.add')}</Button>} />
      <Card>
        <Table<RuleRow>
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={rules.isFetching}
          pagination={false}
          expandable={{ rowExpandable: (r) => r.versions.length > 1, expandedRowRender: (r) => <Table<PointsRule> rowKey="id" size="small" pagination={false} columns={versionColumns} dataSource={r.versions} /> }}
          data-testid="points-rules"
        />
      </Card>
      <CapsCard />
      {editing && <RuleChangeModal rule={editing} loading={change.isPending} onCancel={() => setEditing(null)} onSubmit={(v) => change.mutate(v, done(() => setEditing(null)))} />}
      {adding && <NewRuleModal loading={create.isPending} onCancel={() => setAdding(false)} onSubmit={(v) => create.mutate(v, done(() => setAdding(false)))} />}
    </>
  );
}

import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { pointsApi, ruleName, type StatementLine } from '../points.api';
import { useBalances, useLedgerChange, useRules, useStatement } from '../points.queries';

type Unit = 'hours' | 'points';

/** Give or take points by one of the district's manual rules, with a note; a retry posts once. */
function AwardModal({ volunteerId, onClose }: { volunteerId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('points');
  const { message } = App.useApp();
  const rules = useRules();
  const [requestKey] = useState(() => crypto.randomUUID());
  const award = useLedgerChange(pointsApi.award);
  const manual = (rules.data ?? []).filter((r) => r.trigger === 'manual' && r.inForce);
  const [form] = Form.useForm<{ ruleCode: string; note: string }>();
  return (
    <Modal open title={t('passbook.award')} okText={t('passbook.awardOk')} okButtonProps={{ loading: award.isPending, 'data-testid': 'award-ok' }} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          award.mutate({ volunteerId, ruleCode: v.ruleCode, note: v.note.trim(), requestKey }, { onSuccess: () => { void message.success(t('passbook.awarded')); onClose(); }, onError: (e: Error) => void message.error(e.message) })
        }
      >
        <Form.Item name="ruleCode" label={t('passbook.rule')} rules={[{ required: true, message: t('passbook.ruleRequired') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="award-rule"
            options={manual.map((r) => ({ value: r.code, label: `${ruleName(r, i18n.language)}（${r.points > 0 ? '+' : ''}${r.points}）` }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('passbook.note')} rules={[{ required: true, whitespace: true, message: t('passbook.noteRequired') }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="award-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 储蓄存折 on the volunteer's page: balances, the statement line by line, awards and reversals. */
export function VolunteerPassbookCard({ volunteerId, canAward }: { volunteerId: string; canAward: boolean }) {
  const { t, i18n } = useTranslation('points');
  const { modal, message } = App.useApp();
  const me = useMe();
  const [unit, setUnit] = useState<Unit>('points');
  const [page, setPage] = useState(1);
  const [awarding, setAwarding] = useState(false);
  const balances = useBalances(volunteerId);
  const statement = useStatement(volunteerId, { unit, page, pageSize: 10 });
  const reverse = useLedgerChange((v: { id: string; reason: string }) => pointsApi.reverse(v.id, v.reason));
  const districtAdmin = me.account.roles.includes('districtAdmin');
  const askReverse = (line: StatementLine) => {
    let reason = '';
    modal.confirm({
      title: t('passbook.reverseTitle'),
      content: <Input.TextArea rows={2} maxLength={200} placeholder={t('passbook.reverseReason')} onChange={(e) => (reason = e.target.value)} />,
      okButtonProps: { danger: true },
      onOk: () =>
        reason.trim()
          ? reverse.mutateAsync({ id: line.transactionId, reason: reason.trim() }).then(() => void message.success(t('passbook.reversed')), (e: Error) => void message.error(e.message))
          : Promise.reject(void message.warning(t('passbook.reverseReason'))),
    });
  };
  const columns = [
    { title: t('passbook.day'), dataIndex: 'effectiveOn', key: 'day', width: 110 },
    { title: t('passbook.what'), key: 'what', render: (_: unknown, l: StatementLine) => <Space direction="vertical" size={0}><span>{l.memo || t(`source.${l.source}`)}</span><span className="lx-muted">{t(`source.${l.source}`)}{l.ruleCode ? ` · ${(i18n.language.startsWith('en') ? l.ruleNameEn : l.ruleName) ?? ''}` : ''}</span></Space> },
    { title: t('passbook.kind'), key: 'kind', width: 90, render: (_: unknown, l: StatementLine) => <Tag bordered={false}>{t(`kind.${l.kind}`)}</Tag> },
    { title: t('passbook.amount'), key: 'amount', width: 100, align: 'right' as const, render: (_: unknown, l: StatementLine) => <span style={{ color: l.amount < 0 ? '#cf1322' : '#389e0d' }}>{l.amount > 0 ? '+' : ''}{l.amount}</span> },
    { title: t('passbook.balance'), dataIndex: 'balance', key: 'balance', width: 100, align: 'right' as const },
    ...(districtAdmin ? [{ title: '', key: 'actions', width: 70, render: (_: unknown, l: StatementLine) => (l.kind !== 'reverse' && l.source !== 'redemption' && l.source !== 'withdrawal' ? <Button size="small" type="link" danger onClick={() => askReverse(l)}>{t('passbook.reverse')}</Button> : null) }] : []),
  ];
  return (
    <Card
      title={t('passbook.title')}
      className="lx-detail-card"
      style={{ marginTop: 16 }}
      extra={canAward && <Button onClick={() => setAwarding(true)} data-testid="award-open">{t('passbook.award')}</Button>}
    >
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title={t('passbook.hours')} value={balances.data?.hours ?? 0} precision={2} />
        <Statistic title={t('passbook.points')} value={balances.data?.points ?? 0} precision={2} />
      </Space>
      <Segmented<Unit> style={{ marginBottom: 12, display: 'flex', width: 'fit-content' }} value={unit} onChange={(u) => { setUnit(u); setPage(1); }} options={[{ value: 'points', label: t('unit.points') }, { value: 'hours', label: t('unit.hours') }]} />
      <Table<StatementLine>
        rowKey={(l) => `${l.transactionId}:${l.unit}:${l.ruleCode ?? ''}`}
        size="small"
        columns={columns}
        dataSource={statement.data?.items}
        loading={statement.isFetching}
        pagination={{ current: page, pageSize: 10, total: statement.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="passbook-lines"
      />
      {awarding && <AwardModal volunteerId={volunteerId} onClose={() => setAwarding(false)} />}
    </Card>
  );
}

import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { formatMinute } from '../../lib/time';
import { useMe } from '../auth/session';
import type { DeadlineRule } from './deadlines.api';
import { useDeadlineChanges, useDeadlineRules } from './deadlines.queries';
import { RuleFormModal } from './RuleFormModal';
import './deadlines.css';

const severityColour = { general: 'blue', important: 'orange', major: 'red' } as const;

/** 期限规则: the 2310 windows per severity, narrowed by region and category; the most specific applies. */
export function DeadlineRulesPage() {
  const { t, i18n } = useTranslation(['deadlines', 'needs']);
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const { data, isFetching } = useDeadlineRules();
  const changes = useDeadlineChanges();
  const roles = useMe().account.roles;
  const mayAdd = roles.includes('districtAdmin') || roles.includes('streetAdmin');
  const [editing, setEditing] = useState<DeadlineRule | 'new'>();

  const remove = async (id: string) => {
    try {
      await changes.deleteRule.mutateAsync(id);
      void message.success(t('rule.deleted'));
    } catch (error) {
      report(error);
    }
  };

  const columns: ColumnsType<DeadlineRule> = [
    { title: t('rule.severity'), dataIndex: 'severity', width: 100, render: (s: DeadlineRule['severity']) => <Tag color={severityColour[s]}>{t(`needs:severity.${s}`)}</Tag> },
    { title: t('rule.region'), dataIndex: 'regionName', render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('rule.wholeDistrict')}</Typography.Text> },
    {
      title: t('rule.category'),
      dataIndex: 'categoryName',
      render: (_, r) => (r.categoryId ? (i18n.language === 'en' ? r.categoryNameEn : r.categoryName) : <Typography.Text type="secondary">{t('rule.anyCategory')}</Typography.Text>),
    },
    { title: t('rule.window'), key: 'window', width: 160, render: (_, r) => <strong>{t(`rule.windowText.${r.unit}`, { count: r.amount })}</strong> },
    { title: t('rule.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (at: string) => formatMinute(at) },
    {
      title: t('common:actions'),
      key: 'actions',
      width: 140,
      render: (_, r) =>
        r.editable ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(r)}>
              {t('common:edit')}
            </Button>
            {(r.regionId || r.categoryId) && (
              <Popconfirm title={t('rule.deleteConfirm')} onConfirm={() => remove(r.id)} okButtonProps={{ danger: true }}>
                <Button type="link" size="small" danger>
                  {t('common:delete')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('rule.readOnly')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('menu.rules')}
        description={t('rule.description')}
        extra={
          mayAdd && (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="rule-add">
              {t('rule.add')}
            </Button>
          )
        }
      />
      <Card>
        <Typography.Paragraph type="secondary" className="lx-deadline-hint">
          {t('rule.hint')}
        </Typography.Paragraph>
        <ListTable<DeadlineRule> rowKey="id" size="middle" rows={data} fetching={isFetching} columns={columns} pagination={{ pageSize: 30, hideOnSinglePage: true }} />
      </Card>
      {editing && <RuleFormModal rule={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

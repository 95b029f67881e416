import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { FiguresFilters } from './FiguresFilters';
import { OverdueList } from './OverdueList';
import { RankingChart } from './RankingChart';
import { RankingTable } from './RankingTable';
import { figuresApi, groupings, type GroupBy, type SummaryQuery } from './figures.api';
import { hours, percent } from './figures.format';
import './figures.css';
import { saveFile } from '../../lib/save-file';

const keys = ['from', 'to', 'groupBy', 'regionId'] as const;
const definitions = ['response', 'onTime', 'satisfaction', 'reopen', 'overdue'] as const;

/** 统计分析 · 办理考核: the figures of a period, the ranking of the groups and the overdue list. */
export function FiguresPage() {
  const { t } = useTranslation('figures');
  const { message } = App.useApp();
  const report = useApiErrorReporter();
  const [params, setParams] = useSearchParams();
  // the URL holds the applied filters, so a ranking can be shared as a link
  const query = useMemo<SummaryQuery>(() => {
    const q: SummaryQuery = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) (q as Record<string, string>)[k] = v;
    }
    if (q.groupBy && !groupings.includes(q.groupBy)) delete q.groupBy;
    return q;
  }, [params]);
  const summary = useQuery({ queryKey: ['figures', 'summary', query], queryFn: ({ signal }) => figuresApi.summary(query, signal) });
  const exporting = useMutation({
    mutationFn: () => figuresApi.export(query),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      void message.success(t('exported'));
    },
    onError: (error) => report(error),
  });
  const data = summary.data;
  const totals = data?.totals;
  const groupBy: GroupBy = data?.groupBy ?? query.groupBy ?? 'community';

  return (
    <>
      <PageHeader
        title={t('title')}
        description={data ? t('subtitle', { from: data.from, to: data.to, region: data.regionName }) : t('description')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="figures-export">
            {t('export')}
          </Button>
        }
      />
      <Card className="lx-filters-card">
        <FiguresFilters value={query} onSearch={(q) => setParams(Object.fromEntries(Object.entries(q).filter(([, v]) => v)) as Record<string, string>)} />
      </Card>
      {summary.isError && <Alert type="error" showIcon message={summary.error.message} className="lx-page-alert" />}
      <Collapse
        size="small"
        className="lx-figures-help"
        items={[
          {
            key: 'help',
            label: (
              <span>
                <QuestionCircleOutlined /> {t('help.title')}
              </span>
            ),
            children: (
              <ul className="lx-figures-help-list">
                {definitions.map((d) => (
                  <li key={d}>
                    <Typography.Text strong>{t(`help.${d}.name`)}</Typography.Text>：{t(`help.${d}.text`)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <Row gutter={[12, 12]} className="lx-figures-kpis" data-testid="figures-kpis">
        <Col flex="1 1 0">
          <Card size="small" loading={!totals}>
            <Statistic title={t('kpi.onTimeRate')} value={percent(totals?.onTimeRate)} data-testid="kpi-on-time" />
            <Typography.Text type="secondary">{t('ofCount', { part: totals?.onTime ?? 0, whole: totals?.withDeadline ?? 0 })}</Typography.Text>
          </Card>
        </Col>
        <Col flex="1 1 0">
          <Card size="small" loading={!totals}>
            <Statistic title={t('kpi.satisfactionRate')} value={percent(totals?.satisfactionRate)} data-testid="kpi-satisfaction" />
            <Typography.Text type="secondary">{t('ofRatings', { part: totals?.satisfied ?? 0, whole: totals?.rated ?? 0 })}</Typography.Text>
          </Card>
        </Col>
        <Col flex="1 1 0">
          <Card size="small" loading={!totals}>
            <Statistic title={t('kpi.reopenRate')} value={percent(totals?.reopenRate)} data-testid="kpi-reopen" />
            <Typography.Text type="secondary">{t('ofCount', { part: totals?.reopened ?? 0, whole: totals?.completed ?? 0 })}</Typography.Text>
          </Card>
        </Col>
        <Col flex="1 1 0">
          <Card size="small" loading={!totals}>
            <Statistic title={t('kpi.responseMedian')} value={totals?.responseMedianHours == null ? hours(null) : t('common:hoursValue', { hours: hours(totals.responseMedianHours) })} data-testid="kpi-response" />
            <Typography.Text type="secondary">{t('meanHours', { hours: hours(totals?.responseMeanHours) })}</Typography.Text>
          </Card>
        </Col>
        <Col flex="1 1 0">
          <Card size="small" loading={!totals}>
            <Statistic title={t('kpi.overdue')} value={totals?.overdue ?? 0} valueStyle={totals?.overdue ? { color: '#cf1322' } : undefined} data-testid="kpi-overdue" />
            <Typography.Text type="secondary">{t('dueSoonCount', { count: totals?.dueSoon ?? 0 })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card title={t('rankingTitle', { group: t(`group.${groupBy}`) })} className="lx-figures-card">
        {data && data.groups.length > 0 && <RankingChart groups={data.groups} groupBy={groupBy} />}
        <RankingTable groups={data?.groups ?? []} groupBy={groupBy} loading={summary.isFetching} />
      </Card>
      <Card title={t('overdueTitle')} className="lx-figures-card">
        <OverdueList regionId={query.regionId} />
      </Card>
    </>
  );
}

import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionChildren } from '../regions/regions.queries';
import { useMe } from '../auth/session';

/** Totals over the levels directly below my node (people counts come per child from the server). */
export function ScopeFigures() {
  const { t } = useTranslation('shell');
  const me = useMe();
  const { data: children = [], isPending } = useRegionChildren(me.scope.regionId);
  const sum = (pick: (n: (typeof children)[number]) => number | undefined) => children.reduce((total, n) => total + (pick(n) ?? 0), 0);
  const figures = [
    { key: 'children', value: children.length },
    { key: 'people', value: sum((n) => n.people) },
    { key: 'volunteers', value: sum((n) => n.volunteers) },
    { key: 'staff', value: sum((n) => n.staff) },
  ] as const;

  return (
    <Card title={t('workbench.figures', { name: me.scope.regionName ?? '' })} className="lx-entry-card">
      <Row gutter={16}>
        {figures.map((f) => (
          <Col span={6} key={f.key}>
            <Statistic className="lx-stat-card" title={t(`workbench.figure.${f.key}`)} value={f.value} loading={isPending} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

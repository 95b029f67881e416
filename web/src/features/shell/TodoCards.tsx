import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TodoCounts } from '../needs/needs.api';
import { bucketLink, deadlineBuckets, shownBuckets } from './workbench.links';

/** 待办: one card per state that waits on me, due soon and overdue in red; each opens the list it counts. */
export function TodoCards({ counts, view }: { counts: TodoCounts | undefined; view: 'all' | 'team' }) {
  const { t } = useTranslation('shell');
  return (
    <Card title={t('workbench.todos')} className="lx-workbench-card" data-testid="workbench-todos">
      <Row gutter={[12, 12]}>
        {shownBuckets[view].map((key) => {
          const bucket = counts?.buckets.find((b) => b.key === key);
          const red = deadlineBuckets.includes(key);
          return (
            <Col key={key} xs={12} md={8} xl={4}>
              {bucket ? (
                <Link to={bucketLink(view, bucket)} className={`lx-todo${red && bucket.count > 0 ? ' lx-todo-danger' : ''}`} data-testid={`todo-${key}`} data-count={bucket.count}>
                  <Statistic title={t(`workbench.bucket.${key}`)} value={bucket.count} valueStyle={red && bucket.count > 0 ? { color: '#cf1322' } : undefined} />
                </Link>
              ) : (
                <div className="lx-todo">
                  <Skeleton active paragraph={false} title={{ width: '60%' }} />
                </div>
              )}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

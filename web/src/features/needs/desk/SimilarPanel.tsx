import { Alert, Card, Empty, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/time';
import { noticeFor } from '../categories';
import { useCategories, useSimilarNeeds } from '../needs.queries';

/** Beside the entry form: the category's notice, and open needs like this one in the same grid. */
export function SimilarPanel({ categoryId, regionId }: { categoryId?: string; regionId?: string }) {
  const { t } = useTranslation('needs');
  const notice = noticeFor(useCategories().data ?? [], categoryId);
  const similar = useSimilarNeeds(categoryId, regionId);
  return (
    <>
      {notice && <Alert type="warning" showIcon className="lx-page-alert" message={notice} />}
      <Card title={t('similar.title')} className="lx-detail-card" data-testid="similar-needs">
        {!categoryId || !regionId ? (
          <Typography.Text type="secondary">{t('similar.pick')}</Typography.Text>
        ) : similar.isPending ? (
          <Spin className="lx-similar-waiting" />
        ) : similar.data?.length ? (
          <List
            size="small"
            dataSource={similar.data}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={<Link to={`/needs/${n.id}`}>{n.title}</Link>}
                  description={`${n.number} · ${t(`status.${n.status}`)} · ${n.regionName} · ${formatDateTime(n.createdAt)}`}
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('similar.none')} />
        )}
      </Card>
    </>
  );
}

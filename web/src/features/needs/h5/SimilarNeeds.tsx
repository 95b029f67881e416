import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CardLoading } from '../../../components/CardLoading';
import { formatDate } from '../../../lib/time';
import { needErrorText } from '../needs.format';
import { useFollowNeed, useSimilarNeeds } from '../needs.queries';
import { MobileStatusTag } from './MobileStatusTag';

/**
 * Open needs of the same kind near the chosen place, shown while the resident is still filling in
 * the form: following one keeps them informed without a duplicate for the community to merge.
 */
export function SimilarNeeds({ categoryId, regionId }: { categoryId?: string; regionId?: string }) {
  const { t } = useTranslation('needs');
  const navigate = useNavigate();
  const similar = useSimilarNeeds(categoryId, regionId);
  const follow = useFollowNeed();
  // while they are looked for the form says so (aria-busy): when some are found they push the fields below down
  if (similar.isLoading) return <CardLoading testId="similar-needs-loading" />;
  if (!similar.data?.length) return null;

  const onFollow = (id: string) =>
    follow.mutate(id, {
      onSuccess: () => {
        Toast.show({ icon: 'success', content: t('h5.followed') });
        navigate(`/h5/needs/${id}`);
      },
      onError: (error) => Toast.show({ icon: 'fail', content: needErrorText(error, t) }),
    });

  return (
    <div className="lx-h5-similar" data-testid="similar-needs">
      <div className="lx-h5-similar-head">{t('h5.similarTitle', { count: similar.data.length })}</div>
      {similar.data.map((n) => (
        <div key={n.id} className="lx-h5-similar-item">
          <div className="lx-h5-similar-text">
            <div>
              <span className="lx-h5-similar-title">{n.title}</span> <MobileStatusTag status={n.status} />
            </div>
            <div className="lx-h5-need-meta">
              {n.regionName} · {formatDate(n.createdAt)}
            </div>
          </div>
          <Button size="small" color="primary" fill="outline" loading={follow.isPending && follow.variables === n.id} onClick={() => onFollow(n.id)}>
            {t('h5.follow')}
          </Button>
        </div>
      ))}
    </div>
  );
}

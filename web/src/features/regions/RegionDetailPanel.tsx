import { Card, Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../auth/session';
import type { RegionNode } from './regions.api';
import { RegionActions } from './RegionActions';
import { RegionBreadcrumb } from './RegionBreadcrumb';
import { RegionChildrenTable } from './RegionChildrenTable';
import { RegionFacts } from './RegionFacts';
import { useRegionDetail } from './regions.queries';
import { RegionTypeTag } from './RegionTypeTag';

type Props = { id?: string; listed?: RegionNode; scopeRootId?: string; onSelect: (id: string) => void };

/** The selected node: breadcrumb, facts, children, and maintenance actions for district admins. */
export function RegionDetailPanel({ id, listed, scopeRootId, onSelect }: Props) {
  const { t } = useTranslation('regions');
  const canManage = usePermission('regions.manage');
  const { data: detail, isPending } = useRegionDetail(id);

  if (!id) return <Card><Empty description={t('pickNode')} /></Card>;
  if (isPending || !detail) return <Card><Skeleton active /></Card>;
  // counts come with the parent's child list; the detail endpoint has the breadcrumb
  const node = { ...detail, ...listed, childCount: detail.childCount };

  return (
    <Card
      data-testid="region-detail"
      title={
        <span>
          <RegionTypeTag type={node.type} /> {node.name}
        </span>
      }
      extra={canManage && <RegionActions node={node} isScopeRoot={node.id === scopeRootId} onSelect={onSelect} />}
    >
      <RegionBreadcrumb trail={[...detail.ancestors, node]} scopeRootId={scopeRootId} onSelect={onSelect} />
      <RegionFacts node={node} />
      <Typography.Title level={5} className="lx-section-title">
        {t('children')}
      </Typography.Title>
      <RegionChildrenTable parentId={node.id} onPick={(child) => onSelect(child.id)} />
    </Card>
  );
}

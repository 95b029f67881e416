import { Descriptions, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionNode } from './regions.api';
import { useRegionChildren } from './regions.queries';

type Counts = { people: number; volunteers: number; staff: number };

/**
 * A node's facts. People counts come with the parent's child list; for my own root node there is
 * no such list, so the counts of its children are summed instead, and labelled as such.
 */
export function RegionFacts({ node }: { node: RegionNode }) {
  const { t } = useTranslation('regions');
  const { data: children } = useRegionChildren(node.id);
  const listed = node.people !== undefined;
  const counts: Counts | undefined = listed
    ? { people: node.people ?? 0, volunteers: node.volunteers ?? 0, staff: node.staff ?? 0 }
    : children?.reduce<Counts>(
        (sum, c) => ({ people: sum.people + (c.people ?? 0), volunteers: sum.volunteers + (c.volunteers ?? 0), staff: sum.staff + (c.staff ?? 0) }),
        { people: 0, volunteers: 0, staff: 0 },
      );
  const show = (n: number | undefined) =>
    n === undefined ? (
      t('common:empty')
    ) : listed ? (
      n
    ) : (
      <Tooltip title={t('sumOfChildrenHint')}>
        {n} <Typography.Text type="secondary">({t('sumOfChildren')})</Typography.Text>
      </Tooltip>
    );

  return (
    <Descriptions bordered size="small" column={2} styles={{ label: { width: 168 } }}>
      <Descriptions.Item label={t('field.code')}>
        <Typography.Text copyable>{node.code}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('field.type')}>{t(`common:regionType.${node.type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('field.childCount')}>{node.childCount}</Descriptions.Item>
      <Descriptions.Item label={t('field.people')}>{show(counts?.people)}</Descriptions.Item>
      <Descriptions.Item label={t('field.volunteers')}>{show(counts?.volunteers)}</Descriptions.Item>
      <Descriptions.Item label={t('field.staff')}>{show(counts?.staff)}</Descriptions.Item>
      <Descriptions.Item label={t('field.centre')} span={2}>
        {node.centre ? `${node.centre.lng.toFixed(6)}, ${node.centre.lat.toFixed(6)}` : t('centreUnset')}
      </Descriptions.Item>
    </Descriptions>
  );
}

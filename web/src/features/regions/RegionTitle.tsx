import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionNode } from './regions.api';
import { RegionTypeTag } from './RegionTypeTag';

/** A tree row: level tag, name, and (when the server counted them) people and volunteers below. */
export function RegionTitle({ node }: { node: RegionNode }) {
  const { t } = useTranslation('regions');
  return (
    <span className="lx-region-title" data-testid="region-node" data-region-id={node.id}>
      <RegionTypeTag type={node.type} />
      <span className="lx-region-name">{node.name}</span>
      {node.people !== undefined && (
        <Tooltip title={t('countsHint', { people: node.people, volunteers: node.volunteers ?? 0, staff: node.staff ?? 0 })}>
          <span className="lx-region-counts">
            <UserOutlined /> {node.people}
            <TeamOutlined /> {node.volunteers ?? 0}
          </span>
        </Tooltip>
      )}
    </span>
  );
}

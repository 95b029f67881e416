import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable';
import type { RegionNode } from './regions.api';
import { useRegionChildren } from './regions.queries';
import { RegionTypeTag } from './RegionTypeTag';

/** The levels directly below a node, with their people counts; a row click selects it. */
export function RegionChildrenTable({ parentId, onPick }: { parentId: string; onPick: (node: RegionNode) => void }) {
  const { t } = useTranslation('regions');
  const { data, isFetching } = useRegionChildren(parentId);

  return (
    <ListTable<RegionNode>
      rowKey="id"
      size="small"
      rows={data}
      fetching={isFetching}
      pagination={data && data.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      onRow={(node) => ({ onClick: () => onPick(node), className: 'lx-clickable' })}
      emptyText={t('noChildren')}
      columns={[
        {
          title: t('field.name'),
          dataIndex: 'name',
          render: (_v, node) => (
            <>
              <RegionTypeTag type={node.type} /> {node.name}
            </>
          ),
        },
        { title: t('field.code'), dataIndex: 'code' },
        { title: t('field.childCount'), dataIndex: 'childCount', align: 'right' },
        { title: t('field.people'), dataIndex: 'people', align: 'right' },
        { title: t('field.volunteers'), dataIndex: 'volunteers', align: 'right' },
        { title: t('field.staff'), dataIndex: 'staff', align: 'right' },
      ]}
    />
  );
}

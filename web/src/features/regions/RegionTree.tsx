import { Empty, Spin, Tree, type TreeDataNode } from 'antd';
import type { Key } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionNode } from './regions.api';
import { RegionTitle } from './RegionTitle';
import type { LazyRegionTree } from './use-lazy-region-tree';

type Props = {
  tree: LazyRegionTree;
  selectedId?: string;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  onSelect: (node: RegionNode) => void;
};

/** The subtree I may see, rooted at my own node; deeper levels load when opened. */
export function RegionTree({ tree, selectedId, expandedKeys, onExpand, onSelect }: Props) {
  const { t } = useTranslation('regions');
  const { root, childrenOf } = tree;
  if (tree.scope.isPending) return <Spin className="lx-page-spin" />;
  if (!root) return <Empty description={t('noScope')} />;

  const toData = (node: RegionNode): TreeDataNode => ({
    key: node.id,
    title: <RegionTitle node={node} />,
    isLeaf: node.childCount === 0,
    children: childrenOf.get(node.id)?.map(toData),
  });

  return (
    <Tree
      className="lx-region-tree"
      data-testid="region-tree"
      blockNode
      showLine
      height={600}
      treeData={[toData(root)]}
      loadedKeys={tree.loadedKeys}
      loadData={(node) => tree.open(String(node.key))}
      expandedKeys={expandedKeys}
      onExpand={(keys: Key[]) => onExpand(keys.map(String))}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_keys, { node }) => {
        const picked = tree.find(String(node.key));
        if (picked) onSelect(picked);
      }}
    />
  );
}

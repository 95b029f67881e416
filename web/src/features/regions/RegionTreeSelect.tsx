import { TreeSelect } from 'antd';
import { useEffect, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionNode } from './regions.api';
import { useRegionDetail } from './regions.queries';
import { useLazyRegionTree } from './use-lazy-region-tree';

type Props = {
  /** Set by Form.Item, so the label points at this control. */
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Nodes that may not be chosen (e.g. the node being moved and its subtree). */
  disabledIds?: readonly string[];
  style?: CSSProperties;
};

/** Pick a node of my subtree; levels load as they are opened, and a preset value is opened to. */
export function RegionTreeSelect({ id, value, onChange, placeholder, allowClear, disabledIds = [], style }: Props) {
  const { t } = useTranslation();
  const tree = useLazyRegionTree();
  const { openPathTo } = tree;
  const preset = useRegionDetail(value && !tree.find(value) ? value : undefined);

  useEffect(() => {
    if (preset.data) openPathTo(preset.data);
  }, [preset.data, openPathTo]);

  const toOption = (node: RegionNode): object => ({
    value: node.id,
    title: `${node.name} · ${t(`regionType.${node.type}`)}`,
    isLeaf: node.childCount === 0,
    disabled: disabledIds.includes(node.id),
    children: tree.childrenOf.get(node.id)?.map(toOption),
  });

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      treeData={tree.root ? [toOption(tree.root)] : []}
      treeLoadedKeys={tree.loadedKeys}
      loadData={(node) => tree.open(String(node.value))}
      treeDefaultExpandedKeys={tree.root ? [tree.root.id] : []}
      placeholder={placeholder ?? t('pickRegion')}
      allowClear={allowClear}
      loading={tree.scope.isPending}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, ...style }}
    />
  );
}

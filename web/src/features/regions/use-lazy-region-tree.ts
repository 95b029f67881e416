import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { RegionDetail, RegionNode } from './regions.api';
import { childrenQuery, useScopeRoot } from './regions.queries';

/**
 * The caller's subtree, loaded one level at a time. Child lists come from the query cache, so any
 * change that invalidates ['regions'] redraws every open level with fresh counts.
 */
export function useLazyRegionTree() {
  const queryClient = useQueryClient();
  const scope = useScopeRoot();
  const root = scope.data;
  const [opened, setOpened] = useState<string[]>([]);
  const parents = useMemo(() => (root ? [...new Set([root.id, ...opened])] : []), [root, opened]);
  const lists = useQueries({ queries: parents.map((id) => childrenQuery(id)) });

  const childrenOf = useMemo(() => {
    const map = new Map<string, RegionNode[]>();
    parents.forEach((id, i) => {
      const data = lists[i]?.data;
      if (data) map.set(id, data);
    });
    return map;
  }, [parents, lists]);

  const open = useCallback(
    async (id: string) => {
      setOpened((prev) => (prev.includes(id) ? prev : [...prev, id]));
      await queryClient.fetchQuery(childrenQuery(id));
    },
    [queryClient],
  );

  /** Opens every level between my root and a node found elsewhere (search, a form's current value). */
  const openPathTo = useCallback(
    (detail: RegionDetail): string[] => {
      const ids = detail.ancestors.map((a) => a.id);
      const from = root ? ids.indexOf(root.id) : -1;
      const path = from >= 0 ? ids.slice(from) : [];
      setOpened((prev) => [...new Set([...prev, ...path])]);
      return path;
    },
    [root],
  );

  const find = useCallback(
    (id: string): RegionNode | undefined => {
      if (root?.id === id) return root;
      for (const list of childrenOf.values()) {
        const hit = list.find((n) => n.id === id);
        if (hit) return hit;
      }
      return undefined;
    },
    [root, childrenOf],
  );

  return { scope, root, childrenOf, loadedKeys: [...childrenOf.keys()], open, openPathTo, find };
}

export type LazyRegionTree = ReturnType<typeof useLazyRegionTree>;

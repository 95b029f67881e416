import { useQueryClient } from '@tanstack/react-query';
import { Card, Col, Row } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useApiErrorReporter } from '../../lib/use-api-error';
import { useMe } from '../auth/session';
import { RegionDetailPanel } from './RegionDetailPanel';
import { nodeQuery } from './regions.queries';
import { RegionSearch } from './RegionSearch';
import { RegionTree } from './RegionTree';
import { useLazyRegionTree } from './use-lazy-region-tree';
import './regions.css';

/** 区域网格: the region tree of my scope on the left, the selected node on the right. */
export function RegionsPage() {
  const { t } = useTranslation('regions');
  const me = useMe();
  const queryClient = useQueryClient();
  const report = useApiErrorReporter();
  const tree = useLazyRegionTree();
  const { openPathTo } = tree;
  // the selected node is in the URL (?node=…), so a reload or a shared link shows the same node
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('node') ?? me.scope.regionId;
  const [expanded, setExpanded] = useState<string[]>([me.scope.regionId]);

  const select = useCallback(
    (id: string) => setParams(id === me.scope.regionId ? {} : { node: id }, { replace: true }),
    [setParams, me.scope.regionId],
  );

  /** Select a node that may not be on screen yet: open every level above it first. */
  const reveal = useCallback(
    async (id: string) => {
      try {
        const detail = await queryClient.fetchQuery(nodeQuery(id));
        const path = openPathTo(detail);
        setExpanded((prev) => [...new Set([...prev, ...path])]);
        select(id);
      } catch (error) {
        report(error);
        select(me.scope.regionId);
      }
    },
    [queryClient, openPathTo, select, report, me.scope.regionId],
  );

  const linked = useRef(params.get('node'));
  useEffect(() => {
    if (linked.current && tree.root) {
      void reveal(linked.current);
      linked.current = null;
    }
  }, [tree.root, reveal]);

  return (
    <>
      <PageHeader title={t('menu.regions')} description={t('description')} />
      <Row gutter={16}>
        <Col xs={24} lg={10} xxl={8}>
          <Card title={t('tree')} extra={<RegionSearch onPick={(id) => void reveal(id)} />} className="lx-region-tree-card">
            <RegionTree tree={tree} selectedId={selectedId} expandedKeys={expanded} onExpand={setExpanded} onSelect={(node) => select(node.id)} />
          </Card>
        </Col>
        <Col xs={24} lg={14} xxl={16}>
          <RegionDetailPanel id={selectedId} listed={tree.find(selectedId)} scopeRootId={tree.root?.id} onSelect={(id) => void reveal(id)} />
        </Col>
      </Row>
    </>
  );
}

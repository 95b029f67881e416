import { Breadcrumb } from 'antd';
import type { RegionAncestor } from './regions.api';

type Props = { trail: RegionAncestor[]; scopeRootId?: string; onSelect: (id: string) => void };

/** 市中区 / 光明路街道 / 文化社区 / …: levels inside my scope are links, those above it are not. */
export function RegionBreadcrumb({ trail, scopeRootId, onSelect }: Props) {
  const firstInScope = trail.findIndex((a) => a.id === scopeRootId);
  return (
    <Breadcrumb
      className="lx-region-breadcrumb"
      items={trail.map((a, i) => {
        const linkable = firstInScope >= 0 && i >= firstInScope && i < trail.length - 1;
        return {
          key: a.id,
          title: linkable ? (
            <a
              href={`?node=${a.id}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(a.id);
              }}
            >
              {a.name}
            </a>
          ) : (
            a.name
          ),
        };
      })}
    />
  );
}

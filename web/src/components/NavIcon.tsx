import { Suspense, type ComponentType } from 'react';

/**
 * A menu or tab icon named by a feature manifest, loaded with the surface that shows it. Meanwhile
 * its slot stays empty at the icon's size (the anticon box), so nothing moves when it arrives.
 */
// antd's Menu gives its icons a className of its own: it goes on the slot
export function NavIcon({ entry, className }: { entry: { Icon: ComponentType }; className?: string }) {
  return (
    <span className={className ? `anticon ${className}` : 'anticon'}>
      <Suspense fallback={null}>
        <entry.Icon />
      </Suspense>
    </span>
  );
}

import { Suspense, useEffect, useState, type ComponentType } from 'react';
import type { IconLoader } from '../app/feature';

/**
 * An icon drawn once its code has arrived, nothing before. Unlike React.lazy it never suspends: a page
 * whose icons are still on their way shows at once (when a lazy child suspends in a page just revealed,
 * React holds that page back up to half a second; bench:budgets saw the phone home wait for its tiles'
 * icons on a slow line).
 */
export function drawnWhenLoaded(load: IconLoader): ComponentType {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType | undefined> | undefined;
  return function DrawnWhenLoaded() {
    const [Icon, setIcon] = useState(() => loaded);
    useEffect(() => {
      if (Icon) return;
      let live = true;
      pending ??= load().then(
        (m) => (loaded = m.default),
        () => (pending = undefined), // no icon this time; the next showing asks again
      );
      void pending.then((C) => live && C && setIcon(() => C));
      return () => {
        live = false;
      };
    }, [Icon]);
    return Icon ? <Icon /> : null;
  };
}

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

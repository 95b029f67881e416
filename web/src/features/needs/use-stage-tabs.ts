import { useState } from 'react';
import type { Stage } from './needs.stages';

/**
 * The stage tabs above a list kept in the page (the team inbox on the desk, the phone lists): the
 * tab on screen and the filters it stands for. `onChange` lets a paged list go back to page 1; `initial`
 * opens another tab than the first (a link from the phone home's counts).
 */
export function useStageTabs<K extends string>(stages: readonly Stage<K>[], onChange?: () => void, initial?: string | null) {
  const [stage, setStage] = useState<K | undefined>((stages.find((s) => s.key === initial) ?? stages[0])?.key);
  const current = stages.find((s) => s.key === stage);
  return {
    stage,
    status: current?.status,
    due: current?.due,
    /** Takes the value a tab control hands back; anything but a known stage is ignored. */
    select: (key: unknown) => {
      const next = stages.find((s) => s.key === key);
      if (!next) return;
      setStage(next.key);
      onChange?.();
    },
  };
}

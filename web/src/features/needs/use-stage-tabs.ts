import { useState } from 'react';
import type { Stage } from './needs.stages';

/**
 * The stage tabs above a list kept in the page (the team inbox on the desk, the phone lists): the
 * tab on screen and the status filter it stands for. `onChange` lets a paged list go back to page 1.
 */
export function useStageTabs<K extends string>(stages: readonly Stage<K>[], onChange?: () => void, initial?: string | null) {
  // a link may open the list on a tab (the workbench's counts); anything else starts on the first
  const [stage, setStage] = useState<K | undefined>(stages.find((s) => s.key === initial)?.key ?? stages[0]?.key);
  return {
    stage,
    status: stages.find((s) => s.key === stage)?.status,
    /** Takes the value a tab control hands back; anything but a known stage is ignored. */
    select: (key: unknown) => {
      const next = stages.find((s) => s.key === key);
      if (!next) return;
      setStage(next.key);
      onChange?.();
    },
  };
}

import { conductAppeals } from './conduct.appeals.js';
import type { ConductDeps } from './conduct.deps.js';
import { conductEntriesOf } from './conduct.entries.js';
import { conductFactsOf } from './conduct.facts.js';
import { conductRead } from './conduct.read.js';
import { conductRecord } from './conduct.record.js';

/**
 * Conduct (言行负面清单): the district's list (.entries), incidents recorded by staff (.record), read
 * by staff and the volunteer (.read), appealed and decided (.appeals), and the facts from activities
 * with the review list they feed (.facts).
 */
export function createConductService(deps: ConductDeps) {
  return {
    ...conductEntriesOf(deps),
    ...conductRecord(deps),
    ...conductRead(deps),
    ...conductAppeals(deps),
    ...conductFactsOf(deps),
  };
}

export type ConductService = ReturnType<typeof createConductService>;

import type { Tx } from '../platform/db/client.js';
import { createSink, type Sink } from './bulk.js';

// Column lists of the order tables as the demo writes them; anything left out takes its default.
const needColumns = {
  district_id: 'uuid', id: 'uuid', number: 'text', kind: 'text', category_id: 'uuid', title: 'text', description: 'text',
  region_id: 'uuid', address: 'text', lng: 'float8', lat: 'float8', requester_id: 'uuid', requester_name: 'text', requester_phone: 'text',
  wanted_from: 'timestamptz', wanted_to: 'timestamptz', slots: 'int4', round: 'int4', filled: 'int4', severity: 'text', channel: 'text',
  is_public: 'bool', board_consent_at: 'timestamptz', status: 'text', version: 'int4', team_id: 'uuid', merged_into_id: 'uuid', decline_count: 'int4', ruling_pending: 'bool',
  ruled: 'bool', accepted_at: 'timestamptz', deadline_at: 'timestamptz', window_started_at: 'timestamptz', completed_at: 'timestamptz', rating: 'int4', rating_comment: 'text',
  solved: 'bool', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
} as const;

const eventColumns = {
  district_id: 'uuid', need_id: 'uuid', seq: 'int4', at: 'timestamptz', action: 'text', from_status: 'text', to_status: 'text',
  actor_id: 'uuid', actor_name: 'text', actor_role: 'text', note: 'text', data: 'jsonb',
} as const;

const assignmentColumns = {
  district_id: 'uuid', need_id: 'uuid', round: 'int4', slot_no: 'int4', volunteer_id: 'uuid', via: 'text', assigned_by: 'uuid', status: 'text',
  claimed_at: 'timestamptz', check_in_at: 'timestamptz', check_in_lng: 'float8', check_in_lat: 'float8', check_out_at: 'timestamptz',
  check_out_lng: 'float8', check_out_lat: 'float8', summary: 'text',
} as const;

const hoursColumns = { district_id: 'uuid', need_id: 'uuid', volunteer_id: 'uuid', hours: 'numeric', status: 'text', confirmed_at: 'timestamptz', created_at: 'timestamptz' } as const;
const followerColumns = { district_id: 'uuid', need_id: 'uuid', account_id: 'uuid', since: 'timestamptz' } as const;
const loadColumns = { district_id: 'uuid', account_id: 'uuid', open_tasks: 'int4' } as const;

export type Sinks = {
  needs: Sink<typeof needColumns>;
  events: Sink<typeof eventColumns>;
  assignments: Sink<typeof assignmentColumns>;
  hours: Sink<typeof hoursColumns>;
  followers: Sink<typeof followerColumns>;
  load: Sink<typeof loadColumns>;
};

/** Rows per statement: ~5,000 events is where PGlite's time per row stops improving. */
const BATCH = 5000;

export function createSinks(tx: Tx): Sinks & { flushIfFull(): Promise<void>; flushAll(): Promise<void> } {
  const sinks: Sinks = {
    needs: createSink(tx, 'needs', needColumns),
    events: createSink(tx, 'need_events', eventColumns),
    assignments: createSink(tx, 'need_assignments', assignmentColumns),
    hours: createSink(tx, 'service_hours', hoursColumns),
    followers: createSink(tx, 'need_followers', followerColumns),
    load: createSink(tx, 'volunteer_load', loadColumns),
  };
  // parents first: every other row points at a need, which must be written before it
  const flushAll = async () => {
    for (const sink of Object.values(sinks)) await sink.flush();
  };
  return {
    ...sinks,
    flushAll,
    async flushIfFull() {
      if (sinks.events.pending >= BATCH || sinks.needs.pending >= BATCH) await flushAll();
    },
  };
}

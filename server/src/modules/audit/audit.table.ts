import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. UPDATE and DELETE are refused by a trigger (migration 0001), so not even a
 * bug in a service can rewrite history. `region_id` is the node of the object touched, for scope.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    districtId: uuid('district_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: varchar('actor_name', { length: 50 }),
    actorRoles: text('actor_roles').array(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
    action: varchar('action', { length: 64 }).notNull(),
    objectType: varchar('object_type', { length: 32 }).notNull(),
    objectId: varchar('object_id', { length: 64 }),
    regionId: uuid('region_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('audit_at_idx').on(t.districtId, t.at),
    index('audit_object_idx').on(t.districtId, t.objectType, t.objectId),
    index('audit_actor_idx').on(t.districtId, t.actorId, t.at),
  ],
);

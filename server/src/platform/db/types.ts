import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

// No relational schema: queries name their tables, so the platform needs no module's table here
// (drizzle-kit finds every table itself: server/drizzle.config.ts reads src/**/*.table.ts).
type NoRelations = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, NoRelations>;
export type Tx = PgTransaction<PgQueryResultHKT, NoRelations, ExtractTablesWithRelations<NoRelations>>;
/** Services accept either, so a caller's transaction can be joined. */
export type DbOrTx = Db | Tx;

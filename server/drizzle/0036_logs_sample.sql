-- The two longest logs of a district, append-only: the timeline (the demo: 437,000 steps on 11,800 pages),
-- read by need (its primary key) or by a partial index (the ratings), and the time bank's entries
-- (436,000 on 7,000 pages), read by account or by transaction. ANALYZE reads 300 rows for each point of a
-- column's statistics target: at the default 100 that is 30,000 rows from nearly every page, 100–170 ms a
-- column on the embedded database, where each is one statement a user's request waits behind
-- (platform/db/maintenance.ts). At 10 it reads 3,000: enough for logs whose plans go by key.
ALTER TABLE "need_events" ALTER COLUMN "district_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "need_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "seq" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "at" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "action" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "from_status" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "to_status" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "actor_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "actor_name" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "actor_role" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "note" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "attachments" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "need_events" ALTER COLUMN "data" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "district_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "transaction_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "account_id" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "shard" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "unit" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "amount" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "rule_code" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "ledger_entries" ALTER COLUMN "posted_at" SET STATISTICS 10;

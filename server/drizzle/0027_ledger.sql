CREATE TABLE "ledger_accounts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(24) NOT NULL,
	"unit" varchar(6) NOT NULL,
	"owner_id" uuid NOT NULL,
	"community_id" uuid,
	"non_negative" boolean NOT NULL,
	"shards" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "ledger_accounts_owner_uq" UNIQUE("district_id","kind","owner_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"balance" numeric(14, 2) DEFAULT '0' NOT NULL,
	"non_negative" boolean NOT NULL,
	CONSTRAINT "ledger_balances_district_id_account_id_shard_pk" PRIMARY KEY("district_id","account_id","shard"),
	CONSTRAINT "ledger_balances_non_negative" CHECK (NOT "ledger_balances"."non_negative" OR "ledger_balances"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"shard" smallint DEFAULT 0 NOT NULL,
	"unit" varchar(6) NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"rule_code" varchar(40),
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "ledger_entries_nonzero" CHECK ("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" varchar(200) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"source" varchar(12) NOT NULL,
	"source_id" varchar(64),
	"memo" varchar(200) DEFAULT '' NOT NULL,
	"effective_on" date NOT NULL,
	"actor_id" uuid,
	"reverses" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transactions_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "ledger_transactions_key_uq" UNIQUE("district_id","key")
);
--> statement-breakpoint
CREATE TABLE "points_earned" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"period" varchar(10) NOT NULL,
	"earned" numeric(12, 2) DEFAULT '0' NOT NULL,
	CONSTRAINT "points_earned_district_id_account_id_period_pk" PRIMARY KEY("district_id","account_id","period")
);
--> statement-breakpoint
CREATE TABLE "points_rules" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"trigger" varchar(20) NOT NULL,
	"name" varchar(60) NOT NULL,
	"name_en" varchar(100) NOT NULL,
	"points" numeric(10, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"changed_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "points_rules_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "points_rules_version_uq" UNIQUE("district_id","code","effective_from")
);
--> statement-breakpoint
CREATE TABLE "points_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"daily_cap" numeric(10, 2),
	"monthly_cap" numeric(10, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteer_service_entries" ADD COLUMN "facts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_community_id_regions_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_district_id_account_id_ledger_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."ledger_accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_district_id_transaction_id_ledger_transactions_district_id_id_fk" FOREIGN KEY ("district_id","transaction_id") REFERENCES "public"."ledger_transactions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_district_id_account_id_ledger_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."ledger_accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_district_id_actor_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","actor_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_district_id_reverses_ledger_transactions_district_id_id_fk" FOREIGN KEY ("district_id","reverses") REFERENCES "public"."ledger_transactions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_earned" ADD CONSTRAINT "points_earned_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_rules" ADD CONSTRAINT "points_rules_district_id_changed_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","changed_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_accounts_community_idx" ON "ledger_accounts" USING btree ("district_id","community_id","kind");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("district_id","account_id","posted_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_transaction_idx" ON "ledger_entries" USING btree ("district_id","transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_source_idx" ON "ledger_transactions" USING btree ("district_id","source","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_reverses_uq" ON "ledger_transactions" USING btree ("district_id","reverses") WHERE reverses IS NOT NULL;--> statement-breakpoint
-- Entries and postings are never changed or removed: a mistake is reversed by a new posting.
CREATE FUNCTION ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger % rows are immutable: reverse a posting instead', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();--> statement-breakpoint
CREATE TRIGGER ledger_transactions_immutable BEFORE UPDATE OR DELETE ON "ledger_transactions" FOR EACH ROW EXECUTE FUNCTION ledger_immutable();--> statement-breakpoint
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON "ledger_transactions" FOR EACH STATEMENT EXECUTE FUNCTION ledger_immutable();

CREATE TABLE "conduct_entries" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40),
	"title" varchar(60) NOT NULL,
	"title_en" varchar(100) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"points" integer NOT NULL,
	"suspends" boolean DEFAULT false NOT NULL,
	"suspend_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_entries_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "conduct_entries_code_uq" UNIQUE("district_id","code"),
	CONSTRAINT "conduct_entries_title_uq" UNIQUE("district_id","title")
);
--> statement-breakpoint
CREATE TABLE "conduct_facts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"activity_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "conduct_facts_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "conduct_facts_once_uq" UNIQUE("district_id","kind","activity_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "conduct_incidents" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"what" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"photos" uuid[] DEFAULT '{}' NOT NULL,
	"points" integer NOT NULL,
	"suspension" varchar(10) DEFAULT 'none' NOT NULL,
	"suspend_until" varchar(10),
	"status" varchar(10) DEFAULT 'recorded' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorder_rank" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"appeal_statement" text,
	"appeal_photos" uuid[] DEFAULT '{}' NOT NULL,
	"appealed_at" timestamp with time zone,
	"outcome" varchar(10),
	"outcome_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "conduct_incidents_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "conduct_reviews" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"no_shows" integer NOT NULL,
	"state" varchar(8) DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "conduct_reviews_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "conduct_settings" (
	"district_id" uuid NOT NULL,
	"no_show_threshold" integer DEFAULT 3 NOT NULL,
	"no_show_window_days" integer DEFAULT 90 NOT NULL,
	CONSTRAINT "conduct_settings_district_id_pk" PRIMARY KEY("district_id")
);
--> statement-breakpoint
ALTER TABLE "conduct_facts" ADD CONSTRAINT "conduct_facts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_facts" ADD CONSTRAINT "conduct_facts_district_id_event_id_domain_events_district_id_id_fk" FOREIGN KEY ("district_id","event_id") REFERENCES "public"."domain_events"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_facts" ADD CONSTRAINT "conduct_facts_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_incidents" ADD CONSTRAINT "conduct_incidents_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_incidents" ADD CONSTRAINT "conduct_incidents_district_id_account_id_volunteers_district_id_account_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."volunteers"("district_id","account_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_incidents" ADD CONSTRAINT "conduct_incidents_district_id_entry_id_conduct_entries_district_id_id_fk" FOREIGN KEY ("district_id","entry_id") REFERENCES "public"."conduct_entries"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_incidents" ADD CONSTRAINT "conduct_incidents_district_id_recorded_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","recorded_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_incidents" ADD CONSTRAINT "conduct_incidents_district_id_decided_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_reviews" ADD CONSTRAINT "conduct_reviews_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_reviews" ADD CONSTRAINT "conduct_reviews_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_reviews" ADD CONSTRAINT "conduct_reviews_district_id_resolved_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","resolved_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_facts_account_idx" ON "conduct_facts" USING btree ("district_id","account_id","occurred_at");--> statement-breakpoint
CREATE INDEX "conduct_incidents_account_idx" ON "conduct_incidents" USING btree ("district_id","account_id","recorded_at");--> statement-breakpoint
CREATE INDEX "conduct_incidents_status_idx" ON "conduct_incidents" USING btree ("district_id","status","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conduct_reviews_open_uq" ON "conduct_reviews" USING btree ("district_id","account_id") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "conduct_reviews_state_idx" ON "conduct_reviews" USING btree ("district_id","state","raised_at");
CREATE TABLE "units" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40),
	"name" varchar(60) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"contact_account_id" uuid,
	"region_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "units_code_uq" UNIQUE("district_id","code"),
	CONSTRAINT "units_name_uq" UNIQUE("district_id","name")
);
--> statement-breakpoint
CREATE TABLE "whistle_units" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"whistle_id" uuid NOT NULL,
	"team_id" uuid,
	"unit_id" uuid,
	"kind" varchar(12) NOT NULL,
	"name" varchar(100) NOT NULL,
	"contact_id" uuid,
	"state" varchar(10) DEFAULT 'called' NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"called_by" uuid NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"part" text,
	"part_at" timestamp with time zone,
	"part_by" uuid,
	"photos" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "whistle_units_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "whistle_units_one_ck" CHECK ((team_id IS NULL) <> (unit_id IS NULL))
);
--> statement-breakpoint
CREATE TABLE "whistles" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"street_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"source" varchar(12) NOT NULL,
	"source_key" varchar(120) NOT NULL,
	"opened_by" uuid,
	"reason" text,
	"state" varchar(8) DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"summary" text,
	CONSTRAINT "whistles_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "whistles_source_uq" UNIQUE("district_id","source_key"),
	CONSTRAINT "whistles_closed_ck" CHECK ((state = 'open') = (closed_at IS NULL))
);
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_district_id_contact_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","contact_account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_whistle_id_whistles_district_id_id_fk" FOREIGN KEY ("district_id","whistle_id") REFERENCES "public"."whistles"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_team_id_teams_district_id_id_fk" FOREIGN KEY ("district_id","team_id") REFERENCES "public"."teams"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_unit_id_units_district_id_id_fk" FOREIGN KEY ("district_id","unit_id") REFERENCES "public"."units"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_contact_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","contact_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_called_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","called_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_reported_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","reported_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistle_units" ADD CONSTRAINT "whistle_units_district_id_part_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","part_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_street_id_regions_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_district_id_opened_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","opened_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_district_id_closed_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","closed_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_contact_idx" ON "units" USING btree ("district_id","contact_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whistle_units_team_uq" ON "whistle_units" USING btree ("district_id","whistle_id","team_id") WHERE team_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "whistle_units_unit_uq" ON "whistle_units" USING btree ("district_id","whistle_id","unit_id") WHERE unit_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "whistle_units_contact_idx" ON "whistle_units" USING btree ("district_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "whistles_open_need_uq" ON "whistles" USING btree ("district_id","need_id") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "whistles_street_idx" ON "whistles" USING btree ("district_id","street_id","state","opened_at");--> statement-breakpoint
CREATE INDEX "whistles_need_idx" ON "whistles" USING btree ("district_id","need_id");
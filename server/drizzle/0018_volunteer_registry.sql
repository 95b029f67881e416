CREATE TABLE "volunteer_service_entries" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"source" varchar(12) NOT NULL,
	"source_id" uuid NOT NULL,
	"title" varchar(200) NOT NULL,
	"served_on" varchar(10) NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_service_entries_district_id_source_source_id_account_id_pk" PRIMARY KEY("district_id","source","source_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_settings" (
	"district_id" uuid NOT NULL,
	"number_prefix" varchar(16) DEFAULT 'LX' NOT NULL,
	"next_number" integer DEFAULT 1 NOT NULL,
	"yearly_minimum_hours" numeric(6, 2) DEFAULT '10' NOT NULL,
	CONSTRAINT "volunteer_settings_district_id_pk" PRIMARY KEY("district_id")
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"number" varchar(32),
	"status" varchar(12) DEFAULT 'applied' NOT NULL,
	"status_reason" text,
	"region_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"political_status" varchar(16) DEFAULT 'masses' NOT NULL,
	"in_service" boolean DEFAULT false NOT NULL,
	"work_unit" varchar(100),
	"availability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_radius_m" integer DEFAULT 1000 NOT NULL,
	"photo_file_id" uuid,
	"verified_hours" numeric(10, 2) DEFAULT '0' NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_district_id_account_id_pk" PRIMARY KEY("district_id","account_id"),
	CONSTRAINT "volunteers_number_uq" UNIQUE("district_id","number")
);
--> statement-breakpoint
ALTER TABLE "volunteer_service_entries" ADD CONSTRAINT "volunteer_service_entries_district_id_account_id_volunteers_district_id_account_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."volunteers"("district_id","account_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_community_id_regions_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_district_id_decided_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_district_id_photo_file_id_files_district_id_id_fk" FOREIGN KEY ("district_id","photo_file_id") REFERENCES "public"."files"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_service_entries_account_idx" ON "volunteer_service_entries" USING btree ("district_id","account_id","served_on");--> statement-breakpoint
CREATE INDEX "volunteers_community_idx" ON "volunteers" USING btree ("district_id","community_id","status");--> statement-breakpoint
CREATE INDEX "volunteers_region_idx" ON "volunteers" USING btree ("district_id","region_id");--> statement-breakpoint
-- who held the volunteer role before the registry existed is an active registered volunteer, numbered in order of joining
INSERT INTO "volunteers" ("district_id", "account_id", "status", "region_id", "community_id", "number", "decided_at")
SELECT a."district_id", a."id", 'active', a."region_id", c."id",
       'LX' || lpad((row_number() OVER (PARTITION BY a."district_id" ORDER BY a."created_at", a."id"))::text, 6, '0'), now()
FROM "accounts" a
JOIN "regions" h ON h."id" = a."region_id"
JOIN "regions" c ON c."type" = 'community' AND starts_with(h."path", c."path")
WHERE 'volunteer' = ANY(a."roles")
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "volunteer_settings" ("district_id", "next_number")
SELECT "district_id", count(*) + 1 FROM "volunteers" GROUP BY "district_id"
ON CONFLICT DO NOTHING;

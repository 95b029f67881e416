CREATE TABLE "volunteer_imports" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"actor" jsonb NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"state" varchar(12) DEFAULT 'queued' NOT NULL,
	"total_rows" integer NOT NULL,
	"checked_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"created_accounts" integer DEFAULT 0 NOT NULL,
	"rows" jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skipped" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "volunteer_imports_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "volunteer_imports" ADD CONSTRAINT "volunteer_imports_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_imports" ADD CONSTRAINT "volunteer_imports_district_id_created_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_imports_region_idx" ON "volunteer_imports" USING btree ("district_id","region_id","created_at");
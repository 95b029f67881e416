CREATE TABLE "activities" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid,
	"region_id" uuid NOT NULL,
	"team_id" uuid,
	"title" varchar(100) NOT NULL,
	"description" text NOT NULL,
	"category_code" varchar(60) NOT NULL,
	"place" varchar(200) NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"radius_m" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"signed_count" integer DEFAULT 0 NOT NULL,
	"waitlist_seq" integer DEFAULT 0 NOT NULL,
	"themed" boolean DEFAULT false NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"cancel_reason" text,
	"summary" text,
	"photos" uuid[] DEFAULT '{}' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "activities_capacity_ck" CHECK (signed_count >= 0 AND signed_count <= capacity AND capacity > 0),
	CONSTRAINT "activities_time_ck" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "activity_series" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recurrence" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_series_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_settings" (
	"district_id" uuid PRIMARY KEY NOT NULL,
	"late_cancel_hours" integer NOT NULL,
	"reminder_hours" integer NOT NULL,
	"auto_checkout_hours" integer NOT NULL,
	"daily_max_hours" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_signups" (
	"district_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"wait_seq" integer,
	"signed_up_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"late_cancel" boolean DEFAULT false NOT NULL,
	"no_show" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"check_in_via" varchar(10),
	"no_location" boolean DEFAULT false NOT NULL,
	"checked_out_at" timestamp with time zone,
	"check_out_via" varchar(10),
	"absent" boolean DEFAULT false NOT NULL,
	"hours" numeric(6, 2),
	"hours_status" varchar(10),
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "activity_signups_district_id_activity_id_account_id_pk" PRIMARY KEY("district_id","activity_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_district_id_series_id_activity_series_district_id_id_fk" FOREIGN KEY ("district_id","series_id") REFERENCES "public"."activity_series"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_district_id_team_id_teams_district_id_id_fk" FOREIGN KEY ("district_id","team_id") REFERENCES "public"."teams"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_district_id_created_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_district_id_created_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_district_id_activity_id_activities_district_id_id_fk" FOREIGN KEY ("district_id","activity_id") REFERENCES "public"."activities"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_district_id_decided_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_region_start_idx" ON "activities" USING btree ("district_id","region_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_series_idx" ON "activities" USING btree ("district_id","series_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_team_idx" ON "activities" USING btree ("district_id","team_id");--> statement-breakpoint
CREATE INDEX "activities_id_idx" ON "activities" USING btree ("id");--> statement-breakpoint
CREATE INDEX "activity_signups_account_idx" ON "activity_signups" USING btree ("district_id","account_id");--> statement-breakpoint
CREATE INDEX "activity_signups_wait_idx" ON "activity_signups" USING btree ("district_id","activity_id","status","wait_seq");
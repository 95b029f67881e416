CREATE TABLE "files" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"mime" varchar(40) NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"purpose" varchar(32) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"district_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_district_id_team_id_account_id_pk" PRIMARY KEY("district_id","team_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"type" varchar(16) DEFAULT 'own' NOT NULL,
	"region_id" uuid NOT NULL,
	"leader_id" uuid NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "decline_reasons" (
	"district_id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"label" varchar(100) NOT NULL,
	"label_en" varchar(100) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "decline_reasons_district_id_code_pk" PRIMARY KEY("district_id","code")
);
--> statement-breakpoint
CREATE TABLE "need_categories" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"code" varchar(40) NOT NULL,
	"name" varchar(50) NOT NULL,
	"name_en" varchar(80) NOT NULL,
	"notice" text,
	"extra_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_required_on_close" boolean DEFAULT true NOT NULL,
	"default_severity" varchar(12) DEFAULT 'general' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "need_categories_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "need_categories_code_uq" UNIQUE("district_id","code")
);
--> statement-breakpoint
CREATE TABLE "reply_templates" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" varchar(16) NOT NULL,
	"category_id" uuid,
	"text" text NOT NULL,
	CONSTRAINT "reply_templates_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "need_events" (
	"district_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(24) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"actor_id" uuid,
	"actor_name" varchar(50),
	"actor_role" varchar(20) NOT NULL,
	"note" text,
	"attachments" uuid[] DEFAULT '{}' NOT NULL,
	"data" jsonb,
	CONSTRAINT "need_events_district_id_need_id_seq_pk" PRIMARY KEY("district_id","need_id","seq")
);
--> statement-breakpoint
CREATE TABLE "need_followers" (
	"district_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_followers_district_id_need_id_account_id_pk" PRIMARY KEY("district_id","need_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(24) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"category_id" uuid NOT NULL,
	"title" varchar(100) NOT NULL,
	"description" text NOT NULL,
	"photos" uuid[] DEFAULT '{}' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region_id" uuid NOT NULL,
	"address" varchar(200),
	"lng" double precision,
	"lat" double precision,
	"requester_id" uuid,
	"requester_name" varchar(50) NOT NULL,
	"requester_phone" varchar(20),
	"wanted_from" timestamp with time zone,
	"wanted_to" timestamp with time zone,
	"slots" integer DEFAULT 1 NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"severity" varchar(12) DEFAULT 'general' NOT NULL,
	"channel" varchar(16) NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"status" varchar(16) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"team_id" uuid,
	"merged_into_id" uuid,
	"decline_count" integer DEFAULT 0 NOT NULL,
	"ruling_pending" boolean DEFAULT false NOT NULL,
	"ruled" boolean DEFAULT false NOT NULL,
	"duplicate_of" uuid[] DEFAULT '{}' NOT NULL,
	"accepted_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"rating" integer,
	"rating_comment" text,
	"solved" boolean,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "needs_number_uq" UNIQUE("district_id","number")
);
--> statement-breakpoint
CREATE TABLE "need_assignments" (
	"district_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"slot_no" integer NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"via" varchar(8) NOT NULL,
	"assigned_by" uuid NOT NULL,
	"status" varchar(12) DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"check_in_at" timestamp with time zone,
	"check_in_lng" double precision,
	"check_in_lat" double precision,
	"check_out_at" timestamp with time zone,
	"check_out_lng" double precision,
	"check_out_lat" double precision,
	"summary" text,
	CONSTRAINT "need_assignments_district_id_need_id_round_slot_no_pk" PRIMARY KEY("district_id","need_id","round","slot_no")
);
--> statement-breakpoint
CREATE TABLE "service_hours" (
	"district_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_hours_district_id_need_id_volunteer_id_pk" PRIMARY KEY("district_id","need_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_load" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"open_tasks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "volunteer_load_district_id_account_id_pk" PRIMARY KEY("district_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_district_id_team_id_teams_district_id_id_fk" FOREIGN KEY ("district_id","team_id") REFERENCES "public"."teams"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_categories" ADD CONSTRAINT "need_categories_district_id_parent_id_need_categories_district_id_id_fk" FOREIGN KEY ("district_id","parent_id") REFERENCES "public"."need_categories"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_events" ADD CONSTRAINT "need_events_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_followers" ADD CONSTRAINT "need_followers_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_assignments" ADD CONSTRAINT "need_assignments_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_hours" ADD CONSTRAINT "service_hours_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("district_id","owner_id");--> statement-breakpoint
CREATE INDEX "team_members_account_idx" ON "team_members" USING btree ("district_id","account_id");--> statement-breakpoint
CREATE INDEX "teams_leader_idx" ON "teams" USING btree ("district_id","leader_id");--> statement-breakpoint
CREATE INDEX "teams_region_idx" ON "teams" USING btree ("district_id","region_id");--> statement-breakpoint
CREATE INDEX "need_followers_account_idx" ON "need_followers" USING btree ("district_id","account_id");--> statement-breakpoint
CREATE INDEX "needs_status_idx" ON "needs" USING btree ("district_id","status","created_at");--> statement-breakpoint
CREATE INDEX "needs_region_idx" ON "needs" USING btree ("district_id","region_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_requester_idx" ON "needs" USING btree ("district_id","requester_id");--> statement-breakpoint
CREATE INDEX "needs_team_idx" ON "needs" USING btree ("district_id","team_id") WHERE team_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "need_assignments_one_per_volunteer" ON "need_assignments" USING btree ("district_id","need_id","round","volunteer_id") WHERE status <> 'released';--> statement-breakpoint
CREATE INDEX "need_assignments_volunteer_idx" ON "need_assignments" USING btree ("district_id","volunteer_id","status");--> statement-breakpoint
CREATE INDEX "service_hours_volunteer_idx" ON "service_hours" USING btree ("district_id","volunteer_id","status");
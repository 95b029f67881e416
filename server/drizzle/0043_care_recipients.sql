CREATE TABLE "care_pairings" (
	"district_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"paired_by" uuid NOT NULL,
	"paired_at" timestamp with time zone NOT NULL,
	CONSTRAINT "care_pairings_district_id_recipient_id_volunteer_id_pk" PRIMARY KEY("district_id","recipient_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "care_plans" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"title" varchar(60) NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"frequency" varchar(12) NOT NULL,
	"day_of" smallint NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"next_due_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_plans_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "care_plans_day_of" CHECK ("care_plans"."day_of" BETWEEN 1 AND 28)
);
--> statement-breakpoint
CREATE TABLE "care_recipients" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"call_name" varchar(20),
	"gender" varchar(8),
	"birth_year" smallint,
	"id_number_enc" text,
	"id_number_hmac" varchar(64),
	"phone" varchar(20),
	"address" varchar(100) DEFAULT '' NOT NULL,
	"type_codes" text[] NOT NULL,
	"guardian_name" varchar(50),
	"guardian_relation" varchar(20),
	"guardian_phone" varchar(20),
	"needs" text DEFAULT '' NOT NULL,
	"risk_notes" text DEFAULT '' NOT NULL,
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"archived_reason" varchar(200),
	"last_visit_at" timestamp with time zone,
	"last_condition" varchar(12),
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_recipients_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "care_recipients_id_number_uq" UNIQUE("district_id","id_number_hmac")
);
--> statement-breakpoint
CREATE TABLE "care_runs" (
	"district_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"need_id" uuid,
	"outcome" varchar(12) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "care_runs_district_id_plan_id_due_on_pk" PRIMARY KEY("district_id","plan_id","due_on")
);
--> statement-breakpoint
CREATE TABLE "care_types" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(30) NOT NULL,
	"name_en" varchar(60) NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "care_types_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "care_types_code_uq" UNIQUE("district_id","code")
);
--> statement-breakpoint
CREATE TABLE "care_visits" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"visitor_name" varchar(50) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"condition" varchar(12) NOT NULL,
	"summary" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_visits_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "care_pairings" ADD CONSTRAINT "care_pairings_district_id_recipient_id_care_recipients_district_id_id_fk" FOREIGN KEY ("district_id","recipient_id") REFERENCES "public"."care_recipients"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_pairings" ADD CONSTRAINT "care_pairings_district_id_volunteer_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","volunteer_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_district_id_recipient_id_care_recipients_district_id_id_fk" FOREIGN KEY ("district_id","recipient_id") REFERENCES "public"."care_recipients"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_plans" ADD CONSTRAINT "care_plans_district_id_category_id_need_categories_district_id_id_fk" FOREIGN KEY ("district_id","category_id") REFERENCES "public"."need_categories"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_recipients" ADD CONSTRAINT "care_recipients_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_runs" ADD CONSTRAINT "care_runs_district_id_plan_id_care_plans_district_id_id_fk" FOREIGN KEY ("district_id","plan_id") REFERENCES "public"."care_plans"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_runs" ADD CONSTRAINT "care_runs_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_district_id_recipient_id_care_recipients_district_id_id_fk" FOREIGN KEY ("district_id","recipient_id") REFERENCES "public"."care_recipients"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visits" ADD CONSTRAINT "care_visits_district_id_visitor_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","visitor_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_pairings_volunteer_idx" ON "care_pairings" USING btree ("district_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "care_plans_recipient_idx" ON "care_plans" USING btree ("district_id","recipient_id");--> statement-breakpoint
CREATE INDEX "care_plans_due_idx" ON "care_plans" USING btree ("district_id","next_due_on") WHERE active;--> statement-breakpoint
CREATE INDEX "care_recipients_region_idx" ON "care_recipients" USING btree ("district_id","region_id","status");--> statement-breakpoint
CREATE INDEX "care_visits_recipient_idx" ON "care_visits" USING btree ("district_id","recipient_id","visited_at");--> statement-breakpoint
-- a visit log is a record of what was found: never changed afterwards
CREATE TRIGGER care_visits_append_only BEFORE UPDATE OR DELETE ON care_visits
  FOR EACH ROW EXECUTE FUNCTION lianxin_refuse_change();

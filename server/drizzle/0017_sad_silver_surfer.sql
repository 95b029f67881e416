CREATE TABLE "deadline_changes" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"state" varchar(16) NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_role" varchar(20) NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"resume_on" date,
	"paused_at" timestamp with time zone,
	"resumed_at" timestamp with time zone,
	"resumed_by" uuid,
	"old_deadline" timestamp with time zone NOT NULL,
	"new_deadline" timestamp with time zone,
	CONSTRAINT "deadline_changes_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_records" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"kind" varchar(24) NOT NULL,
	"happened_on" date NOT NULL,
	"outcome" text NOT NULL,
	"satisfaction" varchar(24),
	"recorded_by" uuid NOT NULL,
	"recorded_role" varchar(20) NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_records_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "window_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "window_unit" varchar(16);--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_district_id_requested_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","requested_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_district_id_decided_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_district_id_resumed_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","resumed_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_district_id_recorded_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","recorded_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_changes_one_open" ON "deadline_changes" USING btree ("district_id","need_id") WHERE state = 'requested' OR (kind = 'pause' AND state = 'approved');--> statement-breakpoint
CREATE INDEX "deadline_changes_need_idx" ON "deadline_changes" USING btree ("district_id","need_id","requested_at");--> statement-breakpoint
CREATE INDEX "deadline_changes_pending_idx" ON "deadline_changes" USING btree ("district_id","requested_at") WHERE state = 'requested';--> statement-breakpoint
CREATE INDEX "supervision_records_need_idx" ON "supervision_records" USING btree ("district_id","need_id","recorded_at");--> statement-breakpoint
CREATE INDEX "supervision_records_callback_idx" ON "supervision_records" USING btree ("district_id","happened_on") WHERE kind = 'satisfactionCallback';
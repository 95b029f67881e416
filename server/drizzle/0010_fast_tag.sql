CREATE TABLE "deadline_alerts" (
	"district_id" uuid NOT NULL,
	"need_id" uuid NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"threshold" integer NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"recipients" uuid[] NOT NULL,
	CONSTRAINT "deadline_alerts_district_id_need_id_deadline_at_threshold_pk" PRIMARY KEY("district_id","need_id","deadline_at","threshold")
);
--> statement-breakpoint
ALTER TABLE "deadline_alerts" ADD CONSTRAINT "deadline_alerts_district_id_need_id_needs_district_id_id_fk" FOREIGN KEY ("district_id","need_id") REFERENCES "public"."needs"("district_id","id") ON DELETE no action ON UPDATE no action;
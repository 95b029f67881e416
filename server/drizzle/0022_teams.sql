CREATE TABLE "team_join_requests" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"message" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_join_requests_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "think_tank_module" varchar(16);--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "contact_phone" varchar(20);--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "dissolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "team_join_requests" ADD CONSTRAINT "team_join_requests_district_id_team_id_teams_district_id_id_fk" FOREIGN KEY ("district_id","team_id") REFERENCES "public"."teams"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_join_requests" ADD CONSTRAINT "team_join_requests_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_join_requests" ADD CONSTRAINT "team_join_requests_district_id_decided_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","decided_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "team_join_requests_one_open" ON "team_join_requests" USING btree ("district_id","team_id","account_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "team_join_requests_team_idx" ON "team_join_requests" USING btree ("district_id","team_id","status","created_at");--> statement-breakpoint
CREATE INDEX "team_join_requests_account_idx" ON "team_join_requests" USING btree ("district_id","account_id","created_at");
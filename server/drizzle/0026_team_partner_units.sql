CREATE TABLE "partner_unit_teams" (
	"district_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"paired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_unit_teams_district_id_team_id_pk" PRIMARY KEY("district_id","team_id")
);
--> statement-breakpoint
ALTER TABLE "partner_unit_teams" ADD CONSTRAINT "partner_unit_teams_district_id_team_id_teams_district_id_id_fk" FOREIGN KEY ("district_id","team_id") REFERENCES "public"."teams"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unit_teams" ADD CONSTRAINT "partner_unit_teams_district_id_unit_id_partner_units_district_id_unit_id_fk" FOREIGN KEY ("district_id","unit_id") REFERENCES "public"."partner_units"("district_id","unit_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_unit_teams_unit_idx" ON "partner_unit_teams" USING btree ("district_id","unit_id");
CREATE TABLE "in_service_reminders" (
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"slot" varchar(20) NOT NULL,
	"kind" varchar(8) NOT NULL,
	"hours" numeric(6, 2) NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	CONSTRAINT "in_service_reminders_district_id_account_id_slot_pk" PRIMARY KEY("district_id","account_id","slot")
);
--> statement-breakpoint
CREATE TABLE "partner_unit_communities" (
	"district_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "partner_unit_communities_district_id_unit_id_community_id_pk" PRIMARY KEY("district_id","unit_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "partner_units" (
	"district_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"type" varchar(12) NOT NULL,
	"address" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_units_district_id_unit_id_pk" PRIMARY KEY("district_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "work_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "in_service_reminders" ADD CONSTRAINT "in_service_reminders_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "in_service_reminders" ADD CONSTRAINT "in_service_reminders_district_id_sent_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","sent_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unit_communities" ADD CONSTRAINT "partner_unit_communities_community_id_regions_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unit_communities" ADD CONSTRAINT "partner_unit_communities_district_id_unit_id_partner_units_district_id_unit_id_fk" FOREIGN KEY ("district_id","unit_id") REFERENCES "public"."partner_units"("district_id","unit_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_units" ADD CONSTRAINT "partner_units_district_id_unit_id_units_district_id_id_fk" FOREIGN KEY ("district_id","unit_id") REFERENCES "public"."units"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_unit_communities_community_idx" ON "partner_unit_communities" USING btree ("district_id","community_id");--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_district_id_work_unit_id_partner_units_district_id_unit_id_fk" FOREIGN KEY ("district_id","work_unit_id") REFERENCES "public"."partner_units"("district_id","unit_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteers_work_unit_idx" ON "volunteers" USING btree ("district_id","work_unit_id");
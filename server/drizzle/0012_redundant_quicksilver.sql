CREATE TABLE "calendar_days" (
	"district_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" varchar(8) NOT NULL,
	"name" varchar(40) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_district_id_day_pk" PRIMARY KEY("district_id","day")
);
--> statement-breakpoint
CREATE TABLE "deadline_rules" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid,
	"category_id" uuid,
	"severity" varchar(12) NOT NULL,
	"amount" integer NOT NULL,
	"unit" varchar(16) NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_rules_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "deadline_rules_scope_uq" UNIQUE NULLS NOT DISTINCT("district_id","region_id","category_id","severity"),
	CONSTRAINT "deadline_rules_amount_ck" CHECK ("deadline_rules"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_district_id_category_id_need_categories_district_id_id_fk" FOREIGN KEY ("district_id","category_id") REFERENCES "public"."need_categories"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_district_id_updated_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","updated_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;
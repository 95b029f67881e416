CREATE TABLE "mall_items" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_type" varchar(10) NOT NULL,
	"unit_id" uuid,
	"region_id" uuid NOT NULL,
	"category" varchar(10) NOT NULL,
	"name" varchar(60) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"per_person_limit" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"pickup_days" integer NOT NULL,
	"pickup_place" varchar(200) NOT NULL,
	"pickup_notes" varchar(500) DEFAULT '' NOT NULL,
	"photos" uuid[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mall_items_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "mall_items_stock_ck" CHECK ("mall_items"."stock" >= 0),
	CONSTRAINT "mall_items_price_ck" CHECK ("mall_items"."price" > 0),
	CONSTRAINT "mall_items_limit_ck" CHECK ("mall_items"."per_person_limit" > 0),
	CONSTRAINT "mall_items_provider_ck" CHECK (("mall_items"."provider_type" = 'partner') = ("mall_items"."unit_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "mall_redemptions" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"points" integer NOT NULL,
	"request_key" varchar(64) NOT NULL,
	"code" varchar(12) NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"settled_by" uuid,
	CONSTRAINT "mall_redemptions_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "mall_redemptions_key_uq" UNIQUE("district_id","request_key"),
	CONSTRAINT "mall_redemptions_code_uq" UNIQUE("district_id","code"),
	CONSTRAINT "mall_redemptions_quantity_ck" CHECK ("mall_redemptions"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "mall_takers" (
	"district_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"taken" integer NOT NULL,
	CONSTRAINT "mall_takers_district_id_item_id_account_id_pk" PRIMARY KEY("district_id","item_id","account_id"),
	CONSTRAINT "mall_takers_taken_ck" CHECK ("mall_takers"."taken" >= 0)
);
--> statement-breakpoint
ALTER TABLE "mall_items" ADD CONSTRAINT "mall_items_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_items" ADD CONSTRAINT "mall_items_district_id_unit_id_units_district_id_id_fk" FOREIGN KEY ("district_id","unit_id") REFERENCES "public"."units"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_items" ADD CONSTRAINT "mall_items_district_id_created_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_district_id_item_id_mall_items_district_id_id_fk" FOREIGN KEY ("district_id","item_id") REFERENCES "public"."mall_items"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_redemptions" ADD CONSTRAINT "mall_redemptions_district_id_settled_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","settled_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_takers" ADD CONSTRAINT "mall_takers_district_id_item_id_mall_items_district_id_id_fk" FOREIGN KEY ("district_id","item_id") REFERENCES "public"."mall_items"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_takers" ADD CONSTRAINT "mall_takers_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mall_items_region_idx" ON "mall_items" USING btree ("district_id","region_id","active");--> statement-breakpoint
CREATE INDEX "mall_items_unit_idx" ON "mall_items" USING btree ("district_id","unit_id");--> statement-breakpoint
CREATE INDEX "mall_redemptions_item_idx" ON "mall_redemptions" USING btree ("district_id","item_id","status");--> statement-breakpoint
CREATE INDEX "mall_redemptions_account_idx" ON "mall_redemptions" USING btree ("district_id","account_id","created_at");
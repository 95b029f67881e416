CREATE TABLE "post_claims" (
	"district_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"in_service" boolean DEFAULT false NOT NULL,
	"assigned_by" uuid,
	"claimed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "post_claims_district_id_post_id_volunteer_id_pk" PRIMARY KEY("district_id","post_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "post_templates" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"type_id" uuid NOT NULL,
	"name" varchar(50) NOT NULL,
	"name_en" varchar(80) NOT NULL,
	"duties" text NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "post_templates_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "post_templates_code_uq" UNIQUE("district_id","code")
);
--> statement-breakpoint
CREATE TABLE "post_types" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" varchar(50) NOT NULL,
	"name_en" varchar(80) NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "post_types_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "post_types_code_uq" UNIQUE("district_id","code")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"title" varchar(100) NOT NULL,
	"duties" text NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"quota" integer NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"place" varchar(200) NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "posts_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "posts_claimed_within_quota" CHECK ("posts"."claimed" >= 0 AND "posts"."claimed" <= "posts"."quota")
);
--> statement-breakpoint
ALTER TABLE "post_claims" ADD CONSTRAINT "post_claims_district_id_post_id_posts_district_id_id_fk" FOREIGN KEY ("district_id","post_id") REFERENCES "public"."posts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_claims" ADD CONSTRAINT "post_claims_district_id_volunteer_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","volunteer_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_claims" ADD CONSTRAINT "post_claims_district_id_assigned_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","assigned_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_templates" ADD CONSTRAINT "post_templates_district_id_type_id_post_types_district_id_id_fk" FOREIGN KEY ("district_id","type_id") REFERENCES "public"."post_types"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_district_id_type_id_post_types_district_id_id_fk" FOREIGN KEY ("district_id","type_id") REFERENCES "public"."post_types"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_district_id_created_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","created_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_claims_volunteer_idx" ON "post_claims" USING btree ("district_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "posts_region_idx" ON "posts" USING btree ("district_id","region_id","status");
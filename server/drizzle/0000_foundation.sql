CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"district_id" uuid NOT NULL,
	"parent_id" uuid,
	"code" varchar(32) NOT NULL,
	"name" varchar(100) NOT NULL,
	"type" varchar(16) NOT NULL,
	"depth" integer NOT NULL,
	"path" text NOT NULL,
	"centre" jsonb,
	"boundary" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"phone" varchar(20) NOT NULL,
	"name" varchar(50) NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"region_id" uuid NOT NULL,
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"gender" varchar(8),
	"birth_year" integer,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"id_number_enc" text,
	"id_number_hmac" varchar(64),
	"created_by" uuid,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "accounts_phone_uq" UNIQUE("district_id","phone")
);
--> statement-breakpoint
CREATE TABLE "phone_directory" (
	"phone" varchar(20) PRIMARY KEY NOT NULL,
	"district_id" uuid NOT NULL,
	"account_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"phone" varchar(20) PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"district_id" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" varchar(64),
	"user_agent" varchar(300),
	CONSTRAINT "sessions_district_id_token_hash_pk" PRIMARY KEY("district_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" varchar(50),
	"actor_roles" text[],
	"ip" varchar(64),
	"user_agent" varchar(300),
	"action" varchar(64) NOT NULL,
	"object_type" varchar(32) NOT NULL,
	"object_id" varchar(64),
	"region_id" uuid,
	"details" jsonb,
	CONSTRAINT "audit_log_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE TABLE "system_settings" (
	"key" varchar(64) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_district_id_account_id_accounts_district_id_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."accounts"("district_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "regions_district_idx" ON "regions" USING btree ("district_id","type");--> statement-breakpoint
CREATE INDEX "accounts_region_idx" ON "accounts" USING btree ("district_id","region_id");--> statement-breakpoint
CREATE INDEX "accounts_id_hmac_idx" ON "accounts" USING btree ("district_id","id_number_hmac");--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("district_id","account_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("district_id","at");--> statement-breakpoint
CREATE INDEX "audit_object_idx" ON "audit_log" USING btree ("district_id","object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_log" USING btree ("district_id","actor_id","at");
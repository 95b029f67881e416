CREATE TABLE "service_certificates" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"account_id" uuid NOT NULL,
	"issued_by" uuid NOT NULL,
	"period_from" varchar(10) NOT NULL,
	"period_to" varchar(10) NOT NULL,
	"total_hours" numeric(10, 2) NOT NULL,
	"service_count" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_certificates_district_id_id_pk" PRIMARY KEY("district_id","id"),
	CONSTRAINT "service_certificates_code_uq" UNIQUE("district_id","code")
);
--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_district_id_account_id_volunteers_district_id_account_id_fk" FOREIGN KEY ("district_id","account_id") REFERENCES "public"."volunteers"("district_id","account_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_district_id_issued_by_accounts_district_id_id_fk" FOREIGN KEY ("district_id","issued_by") REFERENCES "public"."accounts"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_certificates_code_idx" ON "service_certificates" USING btree ("code");--> statement-breakpoint
CREATE INDEX "service_certificates_account_idx" ON "service_certificates" USING btree ("district_id","account_id","issued_at");
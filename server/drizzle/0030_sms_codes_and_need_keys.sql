CREATE TABLE "sms_codes" (
	"subject_key" varchar(80) NOT NULL,
	"purpose" varchar(16) NOT NULL,
	"code_hash" varchar(64),
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sends" integer DEFAULT 1 NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	CONSTRAINT "sms_codes_subject_key_purpose_pk" PRIMARY KEY("subject_key","purpose")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "privacy_version" varchar(16);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "privacy_agreed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "idempotency_key" varchar(64);--> statement-breakpoint
CREATE INDEX "sms_codes_expires_idx" ON "sms_codes" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_idempotency_key_uq" UNIQUE("district_id","idempotency_key");
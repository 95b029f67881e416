CREATE TABLE "outbound_messages" (
	"district_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" varchar(16) NOT NULL,
	"recipient_enc" text NOT NULL,
	"recipient_key" varchar(64) NOT NULL,
	"template" varchar(64) NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"dedupe_key" varchar(100),
	CONSTRAINT "outbound_messages_district_id_id_pk" PRIMARY KEY("district_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_messages_dedupe_uq" ON "outbound_messages" USING btree ("district_id","recipient_key","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbound_messages_pending_idx" ON "outbound_messages" USING btree ("district_id","status","created_at");--> statement-breakpoint
-- Throttle state is short-lived and was keyed by the phone in clear: drop it rather than convert it.
DROP TABLE "login_throttle";--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"phone_key" varchar(64) NOT NULL,
	"source" varchar(64) NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttle_phone_key_source_pk" PRIMARY KEY("phone_key","source")
);
--> statement-breakpoint
CREATE INDEX "login_throttle_expires_idx" ON "login_throttle" USING btree ("expires_at");

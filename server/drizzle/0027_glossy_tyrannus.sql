ALTER TABLE "needs" ADD COLUMN "idempotency_key" varchar(64);--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_idempotency_key_uq" UNIQUE("district_id","idempotency_key");
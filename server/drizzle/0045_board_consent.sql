DROP INDEX "needs_board_accepted_idx";--> statement-breakpoint
DROP INDEX "needs_board_completed_idx";--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "board_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "board_photos" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "needs_board_wishes_idx" ON "needs" USING btree ("district_id","accepted_at") WHERE kind = 'microWish' AND board_consent_at IS NOT NULL AND board_withdrawn_at IS NULL AND accepted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "needs_board_accepted_idx" ON "needs" USING btree ("district_id","accepted_at") WHERE board_consent_at IS NOT NULL AND board_withdrawn_at IS NULL AND accepted_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "needs_board_completed_idx" ON "needs" USING btree ("district_id","completed_at") WHERE board_consent_at IS NOT NULL AND board_withdrawn_at IS NULL AND completed_at IS NOT NULL;
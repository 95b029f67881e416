DROP INDEX "needs_region_idx";--> statement-breakpoint
CREATE INDEX "needs_region_idx" ON "needs" USING btree ("district_id","region_id","created_at","id","deadline_at","paused_at","status");
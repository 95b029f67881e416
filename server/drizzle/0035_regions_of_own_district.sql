-- a row's region is of the row's own district (regionRef), and a region's path starts at its district's root
ALTER TABLE "regions" ADD CONSTRAINT "regions_district_id_id_unique" UNIQUE("district_id","id");--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_path_in_district" CHECK (starts_with(path, '/' || district_id::text || '/'));--> statement-breakpoint
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "conduct_facts" DROP CONSTRAINT "conduct_facts_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "conduct_incidents" DROP CONSTRAINT "conduct_incidents_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "conduct_reviews" DROP CONSTRAINT "conduct_reviews_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "mall_items" DROP CONSTRAINT "mall_items_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "needs" DROP CONSTRAINT "needs_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "deadline_changes" DROP CONSTRAINT "deadline_changes_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "supervision_records" DROP CONSTRAINT "supervision_records_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "posts_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "teams" DROP CONSTRAINT "teams_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "volunteer_imports" DROP CONSTRAINT "volunteer_imports_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "volunteers" DROP CONSTRAINT "volunteers_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "whistles" DROP CONSTRAINT "whistles_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_facts" ADD CONSTRAINT "conduct_facts_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_incidents" ADD CONSTRAINT "conduct_incidents_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_reviews" ADD CONSTRAINT "conduct_reviews_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mall_items" ADD CONSTRAINT "mall_items_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_changes" ADD CONSTRAINT "deadline_changes_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_imports" ADD CONSTRAINT "volunteer_imports_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;

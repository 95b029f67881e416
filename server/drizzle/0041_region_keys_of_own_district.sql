-- every reference to a region is to a region of the row's own district (regionRef), a region's parent included: the
-- communities of volunteers, ledger accounts and partner units, a whistle's street and a deadline rule's region
-- were one-column keys, which let a row name another district's node
ALTER TABLE "deadline_rules" DROP CONSTRAINT "deadline_rules_region_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_community_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "partner_unit_communities" DROP CONSTRAINT "partner_unit_communities_community_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "volunteers" DROP CONSTRAINT "volunteers_community_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "whistles" DROP CONSTRAINT "whistles_street_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "regions" DROP CONSTRAINT "regions_parent_id_regions_id_fk";
--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_region_fk" FOREIGN KEY ("district_id","region_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_community_fk" FOREIGN KEY ("district_id","community_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unit_communities" ADD CONSTRAINT "partner_unit_communities_community_fk" FOREIGN KEY ("district_id","community_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_community_fk" FOREIGN KEY ("district_id","community_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whistles" ADD CONSTRAINT "whistles_street_fk" FOREIGN KEY ("district_id","street_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_fk" FOREIGN KEY ("district_id","parent_id") REFERENCES "public"."regions"("district_id","id") ON DELETE no action ON UPDATE no action;
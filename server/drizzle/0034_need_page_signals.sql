-- Instances keep what a need's page reads of it in memory between requests (modules/needs/needs.page-cache.ts).
-- A change to anything that page shows — the need, its slots, its timeline, the names of its team and
-- category, its region's name and place — is signalled to every instance at commit, whichever code path
-- made it; each then reads its needs' pages again from the database. A volunteer's name and a region's
-- move already signal `lianxin_sessions` (0031), which the pages' cache hears too. One signal per
-- statement (a TRUNCATE too), and PostgreSQL sends one per transaction of identical signals. Kept pages are
-- read again after a minute in any case, which bounds a missed signal (triggers disabled by a restore).
-- The channel is the trigger's argument, so whatever an instance keeps next signals with this one function.
CREATE OR REPLACE FUNCTION lianxin_signal() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER needs_signal_needs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON needs
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_assignments_signal_needs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON need_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_events_signal_needs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON need_events
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER teams_signal_needs AFTER UPDATE OF name OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_categories_signal_needs AFTER UPDATE OF name, name_en, code OR DELETE OR TRUNCATE ON need_categories
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER regions_signal_needs AFTER UPDATE OF name, place OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');

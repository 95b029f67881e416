-- A change to a need, its slots or its timeline names its district when it is signalled on
-- `lianxin_needs` (0034 sent an empty payload): an instance then lets go only of that district's kept
-- pages and counts (platform/db/change-cache.ts), so many districts on one PostgreSQL keep their copies
-- while another district works. One notification per district a statement changed (PostgreSQL sends one
-- per transaction of identical ones). A trigger with a transition table serves one event only, so each
-- table has one for INSERT, UPDATE and DELETE; a row's district never changes (it is in every key), so
-- an UPDATE's new rows name it. A TRUNCATE has no rows to name: it still signals every district ('').
-- Names (teams, categories, regions) still signal every district: they are rare and shared.
CREATE OR REPLACE FUNCTION lianxin_signal_districts() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], districts.id) FROM (SELECT DISTINCT district_id::text AS id FROM changed) AS districts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS needs_signal_needs ON needs;
--> statement-breakpoint
CREATE TRIGGER needs_signal_needs_insert AFTER INSERT ON needs REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER needs_signal_needs_update AFTER UPDATE ON needs REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER needs_signal_needs_delete AFTER DELETE ON needs REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER needs_signal_needs_truncate AFTER TRUNCATE ON needs
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
DROP TRIGGER IF EXISTS need_assignments_signal_needs ON need_assignments;
--> statement-breakpoint
CREATE TRIGGER need_assignments_signal_needs_insert AFTER INSERT ON need_assignments REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_assignments_signal_needs_update AFTER UPDATE ON need_assignments REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_assignments_signal_needs_delete AFTER DELETE ON need_assignments REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_assignments_signal_needs_truncate AFTER TRUNCATE ON need_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');
--> statement-breakpoint
DROP TRIGGER IF EXISTS need_events_signal_needs ON need_events;
--> statement-breakpoint
CREATE TRIGGER need_events_signal_needs_insert AFTER INSERT ON need_events REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_events_signal_needs_update AFTER UPDATE ON need_events REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_events_signal_needs_delete AFTER DELETE ON need_events REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts('lianxin_needs');
--> statement-breakpoint
CREATE TRIGGER need_events_signal_needs_truncate AFTER TRUNCATE ON need_events
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');

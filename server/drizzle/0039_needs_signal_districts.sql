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
-- The same four triggers on each of the three tables, by name: <table>_signal_needs_<event>.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['needs', 'need_assignments', 'need_events'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_signal_needs', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts(%L)', t || '_signal_needs_insert', t, 'lianxin_needs');
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts(%L)', t || '_signal_needs_update', t, 'lianxin_needs');
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_districts(%L)', t || '_signal_needs_delete', t, 'lianxin_needs');
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal(%L)', t || '_signal_needs_truncate', t, 'lianxin_needs');
  END LOOP;
END
$$;

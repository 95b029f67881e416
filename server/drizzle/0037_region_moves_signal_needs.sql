-- What a need's page and the figures page keep in memory (modules/needs/needs.page-cache.ts,
-- needs.figures.ts) is told of a region's move, or of its type changing, on `lianxin_needs` too: the
-- figures count a subtree by the regions' paths and group them by type, and they do not listen on
-- `lianxin_sessions`, which every login sends (0031).
-- The signalling function as 0034 made it, again: this migration stands on its own.
CREATE OR REPLACE FUNCTION lianxin_signal() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS regions_signal_needs ON regions;
--> statement-breakpoint
CREATE TRIGGER regions_signal_needs AFTER UPDATE OF name, place, path, type, parent_id OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_needs');

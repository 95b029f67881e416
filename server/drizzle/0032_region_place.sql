ALTER TABLE "regions" ADD COLUMN "place" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- A node's place: the names from the street down to itself (the district left out), top down.
CREATE OR REPLACE FUNCTION lianxin_region_place(p_path text) RETURNS text[] AS $$
  SELECT coalesce(array_agg(r.name::text ORDER BY r.depth), '{}'::text[])
  FROM regions r
  WHERE r.id = ANY(string_to_array(trim(both '/' from p_path), '/')::uuid[]) AND r.type <> 'district'
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Kept by the database, whichever code path writes the tree (the service, the demo, provisioning, a
-- script). AFTER ROW triggers run once the statement is done, so every row it wrote is visible whatever
-- the order of its rows (a child inserted before its parent in one statement still finds the parent),
-- and a move's new depths are all in place. Setting only `place` fires neither trigger again.
CREATE OR REPLACE FUNCTION lianxin_region_place_of_new() RETURNS trigger AS $$
BEGIN
  UPDATE regions SET place = lianxin_region_place(NEW.path) WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A rename, a change of level or a move shows in the place of the node and of every node below it.
-- The pattern goes in as a literal so the path index is used (a parameter would plan a scan of the tree).
CREATE OR REPLACE FUNCTION lianxin_region_place_of_subtree() RETURNS trigger AS $$
BEGIN
  EXECUTE format('UPDATE regions SET place = lianxin_region_place(path) WHERE path LIKE %L', NEW.path || '%');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER regions_place_on_insert AFTER INSERT ON regions
  FOR EACH ROW EXECUTE FUNCTION lianxin_region_place_of_new();
--> statement-breakpoint
CREATE TRIGGER regions_place_on_change AFTER UPDATE OF name, type, path ON regions
  FOR EACH ROW WHEN ((OLD.name, OLD.type, OLD.path) IS DISTINCT FROM (NEW.name, NEW.type, NEW.path))
  EXECUTE FUNCTION lianxin_region_place_of_subtree();
--> statement-breakpoint
UPDATE regions SET place = lianxin_region_place(path);
--> statement-breakpoint
-- the planner's figures for the table every scoped query joins, after every row of it was rewritten
ANALYZE regions;

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
--
-- Two writers at once (PostgreSQL, several instances): under READ COMMITTED a statement that waited for
-- a row lock re-checks that row but reads every other row as of its start, so names are read only in a
-- statement that begins once the locks it needs are held. A new node first shares its ancestors' rows
-- (a rename above it finishes first, and one that comes later waits for it and then finds it). Rows are
-- locked top down (by depth, by path), the order every writer here takes them in.
CREATE OR REPLACE FUNCTION lianxin_region_place_of_new() RETURNS trigger AS $$
BEGIN
  PERFORM 1 FROM regions WHERE id = ANY(string_to_array(trim(both '/' from NEW.path), '/')::uuid[]) AND id <> NEW.id ORDER BY depth FOR SHARE;
  UPDATE regions SET place = lianxin_region_place(NEW.path) WHERE id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A rename, a change of level or a move shows in the place of the node and of every node below it.
-- The subtree is locked first and written by a statement of its own (see above): of two renames at once,
-- a street's and a community's below it, the later one writes with the earlier one's name in view. A
-- move also shares its new ancestors. A move fires this for every node it moved: only rows still out of
-- date are written. The pattern goes in as a literal so the path index is used.
CREATE OR REPLACE FUNCTION lianxin_region_place_of_subtree() RETURNS trigger AS $$
BEGIN
  IF OLD.path IS DISTINCT FROM NEW.path THEN
    PERFORM 1 FROM regions WHERE id = ANY(string_to_array(trim(both '/' from NEW.path), '/')::uuid[]) AND id <> NEW.id ORDER BY depth FOR SHARE;
  END IF;
  EXECUTE format('SELECT 1 FROM regions WHERE path LIKE %L ORDER BY path FOR UPDATE', NEW.path || '%');
  EXECUTE format('UPDATE regions SET place = lianxin_region_place(path) WHERE path LIKE %L AND place IS DISTINCT FROM lianxin_region_place(path)', NEW.path || '%');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER regions_place_on_insert AFTER INSERT ON regions
  FOR EACH ROW EXECUTE FUNCTION lianxin_region_place_of_new();
--> statement-breakpoint
-- (a district's own name is not part of any place)
CREATE TRIGGER regions_place_on_change AFTER UPDATE OF name, type, path ON regions
  FOR EACH ROW WHEN ((OLD.name IS DISTINCT FROM NEW.name AND NEW.type <> 'district') OR OLD.type IS DISTINCT FROM NEW.type OR OLD.path IS DISTINCT FROM NEW.path)
  EXECUTE FUNCTION lianxin_region_place_of_subtree();
--> statement-breakpoint
UPDATE regions SET place = lianxin_region_place(path);
--> statement-breakpoint
-- the planner's figures for the table every scoped query joins, after every row of it was rewritten
ANALYZE regions;

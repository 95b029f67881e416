-- Instances keep a district's need categories and the region tree's nodes in memory between requests
-- (modules/need-categories/categories.service.ts `withParent`, modules/regions/regions.service.ts
-- `publicNode`): a resident's post read both on every request. A change to either table is signalled to
-- every instance at commit, on channels of their own: `lianxin_needs` is sent by every order's change,
-- and would let go of these copies at every transition. One signal per statement (a TRUNCATE too), and
-- PostgreSQL sends one per transaction of identical signals. Kept copies are read again after a minute
-- in any case, which bounds a missed signal.
-- The signalling function is 0034's (`lianxin_signal`, its channel the trigger's argument).
CREATE TRIGGER need_categories_signal_categories AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON need_categories
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_categories');
--> statement-breakpoint
CREATE TRIGGER regions_signal_regions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_regions');

-- The order timeline is append-only, like the audit log (lianxin_refuse_change from 0001).
CREATE TRIGGER need_events_append_only BEFORE UPDATE OR DELETE ON need_events
  FOR EACH ROW EXECUTE FUNCTION lianxin_refuse_change();
--> statement-breakpoint
CREATE TRIGGER need_events_no_truncate BEFORE TRUNCATE ON need_events
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_refuse_change();

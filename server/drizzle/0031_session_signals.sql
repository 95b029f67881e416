-- Instances keep a signed-in caller in memory between requests (platform/auth/session-cache.ts). A change
-- to who that caller is — their account's name, roles, status, place or password flag, their place in
-- the region tree, or the end of a session — is signalled to every instance at commit, whichever code
-- path made it: each then reads its callers again from the database.
CREATE OR REPLACE FUNCTION lianxin_signal_sessions() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('lianxin_sessions', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER accounts_signal_sessions AFTER UPDATE ON accounts
  FOR EACH ROW
  WHEN ((OLD.name, OLD.roles, OLD.status, OLD.region_id, OLD.must_change_password, OLD.password_hash)
    IS DISTINCT FROM (NEW.name, NEW.roles, NEW.status, NEW.region_id, NEW.must_change_password, NEW.password_hash))
  EXECUTE FUNCTION lianxin_signal_sessions();
--> statement-breakpoint
CREATE TRIGGER accounts_gone_signal_sessions AFTER DELETE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_sessions();
--> statement-breakpoint
CREATE TRIGGER sessions_ended_signal_sessions AFTER DELETE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal_sessions();
--> statement-breakpoint
CREATE TRIGGER regions_moved_signal_sessions AFTER UPDATE OF path ON regions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path)
  EXECUTE FUNCTION lianxin_signal_sessions();

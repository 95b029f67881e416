-- Instances keep a district's team names in memory between requests (modules/teams/teams.service.ts
-- `namesOf`): a ledger's page shows each row's team, and read with the page they made PostgreSQL plan its
-- statement at every run. A new team, a renamed or removed one is signalled to every instance at commit on
-- a channel of its own (`lianxin_needs`, which 0034 also sends for a rename, is sent by every order's
-- change and would let go of the names at each transition). One signal per statement; kept names are read
-- again after a minute in any case, which bounds a missed signal.
-- The signalling function is 0034's (`lianxin_signal`, its channel the trigger's argument).
CREATE TRIGGER teams_signal_teams AFTER INSERT OR UPDATE OF name OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_teams');

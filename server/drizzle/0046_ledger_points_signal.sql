-- Instances keep a subtree's points issued and redeemed in a period in memory between requests
-- (modules/ledger/ledger.points-totals.ts, for the big screen: a district's year reads every posting
-- of its communities, ~0.8 s on the embedded database). Every posting, reversal included, inserts a
-- transaction: one signal per statement at commit, on a channel of its own, tells every instance.
-- Kept totals are read again after a minute in any case, which bounds a missed signal.
-- The signalling function is 0034's (`lianxin_signal`, its channel the trigger's argument).
CREATE TRIGGER ledger_transactions_signal AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ledger_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION lianxin_signal('lianxin_ledger');

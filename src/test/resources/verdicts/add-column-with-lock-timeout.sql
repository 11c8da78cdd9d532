-- verdict: OK
-- findings:
-- What the advice says: a bounded wait for a brief ACCESS EXCLUSIVE.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN memo text;

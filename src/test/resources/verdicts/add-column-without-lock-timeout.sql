-- verdict: WARNING
-- findings: missing-lock-timeout
-- The same ADD COLUMN without lock_timeout: it may queue every query on orders behind a long transaction.
ALTER TABLE orders ADD COLUMN memo text;

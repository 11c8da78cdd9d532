-- verdict: OK
-- findings:
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';

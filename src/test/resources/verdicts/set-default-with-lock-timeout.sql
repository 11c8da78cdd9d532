-- verdict: OK
-- findings:
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';

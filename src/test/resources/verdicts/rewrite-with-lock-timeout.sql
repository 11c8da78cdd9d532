-- verdict: WARNING
-- findings: table-rewrite
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();

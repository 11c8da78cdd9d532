-- expect: traffic-blocked
-- The rewrite takes ACCESS EXCLUSIVE, and the slow work after it (a pause standing in for a
-- backfill) keeps it until the commit: every read and write on orders waits that long.
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
SELECT pg_sleep(2.5);

-- verdict: OK
-- findings:
DROP INDEX CONCURRENTLY orders_created_at;

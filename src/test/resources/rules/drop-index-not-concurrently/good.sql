-- expect: no drop-index-not-concurrently
DROP INDEX CONCURRENTLY orders_created_at;

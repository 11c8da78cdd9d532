-- expect: drop-index-not-concurrently
DROP INDEX orders_created_at;

-- expect: no long-migration
SELECT pg_sleep(0.05);

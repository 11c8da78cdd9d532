-- expect: long-migration
SELECT pg_sleep(0.6);

-- takes a fixed 300 ms, so that the comparison is certain on any machine
SELECT pg_sleep(0.3);
ALTER TABLE orders ADD COLUMN note text;

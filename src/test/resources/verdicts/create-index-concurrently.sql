-- verdict: OK
-- findings:
CREATE INDEX CONCURRENTLY orders_total ON orders (total);

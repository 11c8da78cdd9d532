-- expect: runner-hazard
-- Flyway's default postgresql.transactional.lock holds a transaction open while this waits for it.
CREATE INDEX CONCURRENTLY orders_status ON orders (status);

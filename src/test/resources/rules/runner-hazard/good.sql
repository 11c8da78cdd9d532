-- expect: no runner-hazard
-- The same migration, with flyway.postgresql.transactional.lock=false (good.properties).
CREATE INDEX CONCURRENTLY orders_status ON orders (status);

-- expect: no create-index-not-concurrently
-- CONCURRENTLY holds SHARE UPDATE EXCLUSIVE: reads and writes go on during the build.
CREATE INDEX CONCURRENTLY orders_status ON orders (status);

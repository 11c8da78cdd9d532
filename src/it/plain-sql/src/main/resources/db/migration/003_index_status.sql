/* CONCURRENTLY cannot run inside a transaction block: the profiler runs it in autocommit. */
CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status);
UPDATE orders SET note = NULL WHERE status = 'closed';

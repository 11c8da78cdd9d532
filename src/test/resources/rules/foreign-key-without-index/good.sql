-- expect: no foreign-key-without-index
CREATE INDEX CONCURRENTLY orders_customer_id ON orders (customer_id);
-- next migration: CONCURRENTLY cannot share a migration's transaction
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;

-- expect: create-index-not-concurrently
CREATE INDEX orders_status ON orders (status);

-- expect: no traffic-blocked
-- A new row takes ROW EXCLUSIVE, which no read or write by key waits for.
INSERT INTO customers (id, email) VALUES (-1, 'new@example.com');

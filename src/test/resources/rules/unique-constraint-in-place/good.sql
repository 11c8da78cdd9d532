-- expect: no unique-constraint-in-place
-- The index is built CONCURRENTLY; the constraint then only takes a brief lock.
CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON customers (email);
-- next migration: CONCURRENTLY cannot share a migration's transaction
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE USING INDEX customers_email_key;

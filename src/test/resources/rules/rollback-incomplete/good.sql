-- expect: no rollback-incomplete
-- The undo reverses each thing the migration did.
ALTER TABLE orders ADD COLUMN discount numeric(10, 2);
CREATE INDEX orders_status ON orders (status);
-- undo
DROP INDEX orders_status;
ALTER TABLE orders DROP COLUMN discount;

-- expect: rollback-incomplete
-- The undo drops the column and forgets the index: applying the migration again fails on it.
ALTER TABLE orders ADD COLUMN discount numeric(10, 2);
CREATE INDEX orders_status ON orders (status);
-- undo
ALTER TABLE orders DROP COLUMN discount;

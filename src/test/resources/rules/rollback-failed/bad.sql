-- expect: rollback-failed
-- The undo (what follows "-- undo": Flyway's U file) names a column the migration never added.
ALTER TABLE orders ADD COLUMN discount numeric(10, 2);
-- undo
ALTER TABLE orders DROP COLUMN discount_amount;

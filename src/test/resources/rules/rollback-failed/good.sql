-- expect: no rollback-failed
-- The undo drops what the migration added, by its name.
ALTER TABLE orders ADD COLUMN discount numeric(10, 2);
-- undo
ALTER TABLE orders DROP COLUMN discount;

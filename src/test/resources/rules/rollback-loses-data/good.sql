-- expect: no rollback-loses-data
-- The undo renames the column back: nothing is dropped.
ALTER TABLE orders RENAME COLUMN note TO remark;
-- undo
ALTER TABLE orders RENAME COLUMN remark TO note;

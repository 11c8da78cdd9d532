-- expect: rollback-loses-data
-- A rename undone by dropping the column and adding it again: the schema is back, the notes are gone.
ALTER TABLE orders RENAME COLUMN note TO remark;
-- undo
ALTER TABLE orders DROP COLUMN remark;
ALTER TABLE orders ADD COLUMN note varchar(200);

-- expect: no breaking-change
-- Expand: a new column; the old one is dropped once no running code reads it.
ALTER TABLE orders ADD COLUMN memo text;

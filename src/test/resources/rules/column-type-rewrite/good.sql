-- expect: no column-type-rewrite
-- Widening a varchar is binary-coercible: no rewrite.
ALTER TABLE orders ALTER COLUMN note TYPE varchar(500);

-- expect: breaking-change
ALTER TABLE orders DROP COLUMN note;

-- expect: no empty-migration
-- One statement, sent and recorded.
ALTER TABLE orders ADD COLUMN discount numeric(10, 2);

-- expect: no full-table-dml
-- One batch of a backfill: each batch is a transaction of its own.
UPDATE orders SET note = 'reviewed' WHERE id BETWEEN 1 AND 500;

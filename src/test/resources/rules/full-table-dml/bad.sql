-- expect: full-table-dml
UPDATE orders SET note = 'reviewed';

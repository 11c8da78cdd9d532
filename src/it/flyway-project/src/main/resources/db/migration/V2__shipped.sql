-- a new enum value cannot be used in the transaction that adds it: V2__shipped.sql.conf runs this outside one
ALTER TYPE order_state ADD VALUE 'shipped';
UPDATE orders SET state = 'shipped' WHERE id < 0;

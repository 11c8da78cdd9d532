CREATE INDEX order_notes_order_id ON order_notes (order_id);

-- verdict: OK
-- findings:
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;

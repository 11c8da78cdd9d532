-- expect: no constraint-without-not-valid
-- NOT VALID checks new rows only; VALIDATE CONSTRAINT follows in a migration of its own.
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;

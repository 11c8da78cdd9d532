-- expect: missing-lock-timeout
ALTER TABLE orders ADD COLUMN reviewed boolean;

-- expect: no missing-lock-timeout
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN reviewed boolean;

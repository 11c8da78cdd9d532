-- expect: stacked-access-exclusive
ALTER TABLE orders ADD COLUMN reviewed boolean;
UPDATE customers SET email = lower(email);

-- expect: set-not-null-scan
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;

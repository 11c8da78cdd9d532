-- expect: lock-timeout-retry
SET lock_timeout = '500ms';
ALTER TABLE orders ADD COLUMN memo text;

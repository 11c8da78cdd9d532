-- expect: no lock-timeout-retry
-- A lock_timeout longer than the traffic pass's long-running reader (1 s): the lock is had.
SET lock_timeout = '10s';
ALTER TABLE orders ADD COLUMN memo text;

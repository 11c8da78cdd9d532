-- expect: no data-dependent
-- Only rows whose status has the form are indexed: no row can make it fail.
SET lock_timeout = '2s';
CREATE INDEX orders_status_uuid ON orders ((status::uuid))
    WHERE status ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

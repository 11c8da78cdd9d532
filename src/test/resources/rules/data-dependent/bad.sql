-- expect: data-dependent
-- The application writes UUIDs into status; the index reads every row as uuid.
SET lock_timeout = '2s';
CREATE INDEX orders_status_uuid ON orders ((status::uuid));

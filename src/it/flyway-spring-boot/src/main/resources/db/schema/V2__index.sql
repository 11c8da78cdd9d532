CREATE INDEX CONCURRENTLY items_owner ON items (owner);

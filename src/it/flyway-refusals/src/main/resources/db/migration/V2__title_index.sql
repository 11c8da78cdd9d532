ALTER TABLE items ADD COLUMN note text;
CREATE INDEX CONCURRENTLY items_title ON items (title);

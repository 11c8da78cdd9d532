-- expect: no stacked-access-exclusive
-- The data change is a migration of its own, so the ACCESS EXCLUSIVE lock is brief.
ALTER TABLE orders ADD COLUMN reviewed boolean;

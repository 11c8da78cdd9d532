-- expect: no table-rewrite
-- Nullable and without a volatile default: a catalog change. New rows get the default;
-- existing ones are backfilled in batches, apart.
ALTER TABLE orders ADD COLUMN token uuid;
ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();

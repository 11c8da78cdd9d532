ALTER TABLE events ADD COLUMN run_uuid uuid;
UPDATE events SET run_uuid = run_id::uuid;

ALTER TABLE events ADD COLUMN updated_at timestamp;
UPDATE events SET updated_at = to_timestamp(payload ->> 'updateTime', 'YYYY-MM-DD"T"HH24:MI:SS');

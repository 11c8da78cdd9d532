ALTER TABLE accounts ADD COLUMN created_at timestamptz;
UPDATE acounts
   SET created_at = now();

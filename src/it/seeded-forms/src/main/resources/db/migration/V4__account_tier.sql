ALTER TABLE accounts ADD COLUMN tier text;
UPDATE accounts SET tier = (SELECT CASE WHEN count(*) > 1 THEN 'gold' ELSE 'basic' END FROM events WHERE events.account_id = accounts.id)
WHERE tier IS NULL;
ALTER TABLE accounts ALTER COLUMN tier SET NOT NULL;

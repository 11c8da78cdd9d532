--liquibase formatted sql

--changeset wishlist:003-public-id
-- A volatile default: PostgreSQL rewrites the whole table under ACCESS EXCLUSIVE.
ALTER TABLE wishlist_items
    ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
--rollback ALTER TABLE wishlist_items DROP COLUMN public_id;

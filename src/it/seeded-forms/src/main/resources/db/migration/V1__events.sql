CREATE TABLE accounts (id bigserial PRIMARY KEY, name text NOT NULL);
CREATE TABLE events (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    run_id text NOT NULL,
    payload jsonb NOT NULL,
    email text NOT NULL
);

CREATE TABLE items (
    id bigint PRIMARY KEY,
    owner text NOT NULL DEFAULT '${owner}',
    region text NOT NULL DEFAULT '${region}'
);

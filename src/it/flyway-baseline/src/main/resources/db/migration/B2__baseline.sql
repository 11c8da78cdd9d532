CREATE TABLE items (id bigint PRIMARY KEY, price numeric(10, 2));

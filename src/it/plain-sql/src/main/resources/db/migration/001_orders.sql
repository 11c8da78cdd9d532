CREATE TABLE orders (
    id      bigint PRIMARY KEY,
    status  text NOT NULL,
    note    text
);
INSERT INTO orders SELECT g, 'new', 'semi;colons;in;data' FROM generate_series(1, 5000) g;

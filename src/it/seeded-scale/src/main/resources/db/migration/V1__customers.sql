CREATE TABLE plans (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE customers (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id  int NOT NULL REFERENCES plans,
    email    varchar(120) NOT NULL UNIQUE,
    country  char(2)
);
CREATE TABLE invoices (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers,
    amount      numeric(10,2) NOT NULL CHECK (amount > 0),
    status      text NOT NULL CHECK (status IN ('open', 'paid', 'void')),
    issued_on   date NOT NULL
);

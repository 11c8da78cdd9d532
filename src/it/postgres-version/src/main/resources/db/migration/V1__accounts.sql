CREATE TABLE accounts (id bigint PRIMARY KEY, balance int NOT NULL);

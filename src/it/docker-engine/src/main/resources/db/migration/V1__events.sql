CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
INSERT INTO events SELECT g, CASE WHEN g % 3 = 0 THEN 'click' ELSE 'view' END FROM generate_series(1, 3000) g;

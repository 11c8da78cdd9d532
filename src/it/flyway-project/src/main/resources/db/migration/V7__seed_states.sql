-- Reference rows inline, as pg_dump writes them: Flyway loads them through the driver's copy API.
CREATE TABLE order_state_labels (state text PRIMARY KEY, label text NOT NULL);
COPY order_state_labels (state, label) FROM STDIN;
new	New
paid	Paid
shipped	Shipped
\.

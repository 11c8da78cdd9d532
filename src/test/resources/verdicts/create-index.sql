-- verdict: WARNING
-- findings: create-index-not-concurrently, missing-lock-timeout
CREATE INDEX orders_total ON orders (total);

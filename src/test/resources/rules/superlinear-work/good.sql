-- expect: no superlinear-work
-- The same rank from a window function: one sort, no pairs.
UPDATE orders SET quantity = ranked.n
FROM (SELECT id, count(*) OVER (ORDER BY created_at) AS n FROM orders) ranked
WHERE ranked.id = orders.id;

-- expect: superlinear-work
-- Each order's rank by date, counted by a self join: every order is paired with every earlier one.
UPDATE orders SET quantity = earlier.n
FROM (SELECT o.id, count(*) AS n FROM orders o JOIN orders e ON e.created_at <= o.created_at GROUP BY o.id) earlier
WHERE earlier.id = orders.id;

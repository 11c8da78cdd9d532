-- MERGE came with PostgreSQL 15: on 14 this fails, which the matrix run reports
MERGE INTO accounts a
USING (VALUES (1, 10)) AS credit(id, amount) ON a.id = credit.id
WHEN MATCHED THEN UPDATE SET balance = a.balance + credit.amount
WHEN NOT MATCHED THEN INSERT (id, balance) VALUES (credit.id, credit.amount);

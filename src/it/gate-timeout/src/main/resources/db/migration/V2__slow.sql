UPDATE accounts SET balance = balance + 1;
SELECT pg_sleep(30);

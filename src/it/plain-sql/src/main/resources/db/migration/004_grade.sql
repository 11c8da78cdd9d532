-- A SQL-standard function body: its semicolons stay inside, as in psql.
CREATE FUNCTION order_grade(id bigint) RETURNS text
LANGUAGE SQL
BEGIN ATOMIC
  SELECT CASE WHEN id > 2500 THEN 'late' ELSE 'early' END;
END;
SELECT order_grade(1);

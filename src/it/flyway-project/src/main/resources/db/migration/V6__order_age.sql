-- A SQL-standard function body: Flyway keeps it whole.
CREATE FUNCTION order_age(paid timestamptz) RETURNS interval
LANGUAGE SQL
BEGIN ATOMIC
  SELECT CASE WHEN paid IS NULL THEN NULL ELSE now() - paid END;
END;

-- A DO block: its semicolons must not split it.
DO $$
DECLARE
    closed integer;
BEGIN
    UPDATE orders SET status = 'closed' WHERE id <= 1000;
    GET DIAGNOSTICS closed = ROW_COUNT;
    RAISE NOTICE 'closed % orders; done', closed;
END
$$;

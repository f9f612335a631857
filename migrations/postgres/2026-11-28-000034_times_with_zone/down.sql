DO $$
DECLARE
    t RECORD;
    defs TEXT[];
    def TEXT;
BEGIN
    FOR t IN
        SELECT c.table_name,
               string_agg(format('ALTER COLUMN %I TYPE TIMESTAMP USING %I AT TIME ZONE ''UTC''',
                                 c.column_name, c.column_name), ', ') AS changes
        FROM information_schema.columns c
        JOIN information_schema.tables tb
          ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = current_schema()
          AND tb.table_type = 'BASE TABLE'
          AND c.data_type = 'timestamp with time zone'
          AND c.table_name <> '__diesel_schema_migrations'
        GROUP BY c.table_name
    LOOP
        -- A trigger that names a column (UPDATE OF, WHEN) blocks the change: the table's
        -- triggers are dropped and made again as they were.
        SELECT coalesce(array_agg(pg_get_triggerdef(g.oid)), '{}') INTO defs
            FROM pg_trigger g WHERE g.tgrelid = t.table_name::regclass AND NOT g.tgisinternal;
        FOR def IN SELECT g.tgname FROM pg_trigger g
                   WHERE g.tgrelid = t.table_name::regclass AND NOT g.tgisinternal LOOP
            EXECUTE format('DROP TRIGGER %I ON %I', def, t.table_name);
        END LOOP;
        EXECUTE format('ALTER TABLE %I %s', t.table_name, t.changes);
        FOREACH def IN ARRAY defs LOOP
            EXECUTE def;
        END LOOP;
    END LOOP;
END
$$;

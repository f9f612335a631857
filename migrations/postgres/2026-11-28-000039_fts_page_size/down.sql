-- Nothing to change on PostgreSQL: the leaf size is of SQLite's full-text index.
-- Kept so both backends count the same migrations.
SELECT 1;

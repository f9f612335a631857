-- Nothing to add on SQLite: FTS5 (ideas_fts, migration 000007) stores the words already.
-- Kept so both backends count the same migrations.
SELECT 1;

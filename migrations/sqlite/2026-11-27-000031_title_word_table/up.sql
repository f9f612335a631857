-- Nothing to add on SQLite: FTS5 hands out a title word's ideas in id order already
-- (ideas_fts, migration 000007). Kept so both backends count the same migrations.
SELECT 1;

-- Nothing to add on SQLite: ideas_fts (migration 000007) keeps the titles' words already.
-- Kept so both backends count the same migrations.
SELECT 1;

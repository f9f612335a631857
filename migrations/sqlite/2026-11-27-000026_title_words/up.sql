-- Nothing to add on SQLite: ideas_fts (migration 000007) has the title as a column of its own,
-- which store::search::sharing_a_title_word reads. Kept so both backends count the same
-- migrations.
SELECT 1;

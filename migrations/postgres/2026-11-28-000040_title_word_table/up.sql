-- Nothing to add on PostgreSQL: idea_title_words (migration 000031) is kept by its triggers.
-- Kept so both backends count the same migrations.
SELECT 1;

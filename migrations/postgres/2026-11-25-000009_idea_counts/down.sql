DROP TRIGGER idea_counts_update ON ideas;
DROP TRIGGER idea_counts_insert ON ideas;
DROP FUNCTION count_ideas();
DROP TABLE idea_counts;

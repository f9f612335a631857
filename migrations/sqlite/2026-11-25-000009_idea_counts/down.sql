DROP TRIGGER idea_counts_update;
DROP TRIGGER idea_counts_delete;
DROP TRIGGER idea_counts_insert;
DROP TABLE idea_counts;

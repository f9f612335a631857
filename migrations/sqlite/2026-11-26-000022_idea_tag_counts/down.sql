DROP TRIGGER idea_tag_counts_update;
DROP TRIGGER idea_tag_counts_idea_delete;
DROP TRIGGER idea_tag_counts_delete;
DROP TRIGGER idea_tag_counts_insert;
DROP TABLE idea_tag_counts;

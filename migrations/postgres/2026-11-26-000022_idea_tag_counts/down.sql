DROP TRIGGER idea_tag_counts_update ON ideas;
DROP TRIGGER idea_tag_counts_idea_delete ON ideas;
DROP TRIGGER idea_tag_counts_tags ON idea_tags;
DROP FUNCTION count_idea_tags_of_idea();
DROP FUNCTION count_idea_tags();
DROP TABLE idea_tag_counts;

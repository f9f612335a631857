DROP TRIGGER idea_tags_listed ON idea_tags;
DROP FUNCTION list_idea_tags();
ALTER TABLE ideas DROP COLUMN tag_list;

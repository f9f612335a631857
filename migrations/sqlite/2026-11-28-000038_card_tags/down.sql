DROP TRIGGER idea_tags_listed_insert;
DROP TRIGGER idea_tags_listed_delete;
DROP TRIGGER idea_tags_listed_update;
ALTER TABLE ideas DROP COLUMN tag_list;

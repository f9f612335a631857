DROP TRIGGER idea_languages_follow_idea ON ideas;
DROP TRIGGER idea_languages_of_idea ON idea_languages;
DROP FUNCTION idea_languages_follow_idea();
DROP FUNCTION idea_languages_of_idea();
DROP INDEX idea_languages_state;
ALTER TABLE idea_languages DROP COLUMN state;

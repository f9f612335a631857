DROP TRIGGER idea_languages_follow_idea;
DROP TRIGGER idea_languages_of_idea;
DROP INDEX idea_languages_state;
ALTER TABLE idea_languages DROP COLUMN state;

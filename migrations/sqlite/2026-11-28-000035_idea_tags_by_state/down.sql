DROP TRIGGER idea_tags_follow_idea;
DROP TRIGGER idea_tags_of_idea;
DROP INDEX idea_tags_pillar_state;
DROP INDEX idea_tags_state;
ALTER TABLE idea_tags DROP COLUMN pillar;
ALTER TABLE idea_tags DROP COLUMN state;

-- Each language row carries its idea's state, kept by triggers, so the ideas list filtered by
-- a language (and a state) reads its page off the language's own index: fifty entries and
-- their ideas, instead of walking the state's (or all) ideas and probing each for the
-- language.
ALTER TABLE idea_languages ADD COLUMN state TEXT NOT NULL DEFAULT '';
UPDATE idea_languages l SET state = i.state FROM ideas i WHERE i.id = l.idea_id;
CREATE INDEX idea_languages_state ON idea_languages (language, state, idea_id);

CREATE FUNCTION idea_languages_of_idea() RETURNS trigger AS $$
BEGIN
    SELECT state INTO NEW.state FROM ideas WHERE id = NEW.idea_id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION idea_languages_follow_idea() RETURNS trigger AS $$
BEGIN
    UPDATE idea_languages SET state = NEW.state WHERE idea_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER idea_languages_of_idea BEFORE INSERT ON idea_languages
    FOR EACH ROW EXECUTE FUNCTION idea_languages_of_idea();
CREATE TRIGGER idea_languages_follow_idea AFTER UPDATE OF state ON ideas
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION idea_languages_follow_idea();

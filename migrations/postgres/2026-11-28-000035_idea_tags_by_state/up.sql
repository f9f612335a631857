-- Each tag row carries its idea's state and pillar, kept by triggers, so the board filtered by
-- a tag reads each column's first cards off the tag's own index: 25 entries and their ideas,
-- instead of walking the pillar's (or all) ideas of the state and merging in the tag's rows.
ALTER TABLE idea_tags ADD COLUMN state TEXT NOT NULL DEFAULT '';
ALTER TABLE idea_tags ADD COLUMN pillar TEXT NOT NULL DEFAULT '';
UPDATE idea_tags t SET state = i.state, pillar = i.pillar FROM ideas i WHERE i.id = t.idea_id;
CREATE INDEX idea_tags_state ON idea_tags (tag, state, idea_id);
CREATE INDEX idea_tags_pillar_state ON idea_tags (tag, pillar, state, idea_id);

CREATE FUNCTION idea_tags_of_idea() RETURNS trigger AS $$
BEGIN
    SELECT state, pillar INTO NEW.state, NEW.pillar FROM ideas WHERE id = NEW.idea_id;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION idea_tags_follow_idea() RETURNS trigger AS $$
BEGIN
    UPDATE idea_tags SET state = NEW.state, pillar = NEW.pillar WHERE idea_id = NEW.id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER idea_tags_of_idea BEFORE INSERT ON idea_tags
    FOR EACH ROW EXECUTE FUNCTION idea_tags_of_idea();
CREATE TRIGGER idea_tags_follow_idea AFTER UPDATE OF state, pillar ON ideas
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.pillar IS DISTINCT FROM NEW.pillar)
    EXECUTE FUNCTION idea_tags_follow_idea();

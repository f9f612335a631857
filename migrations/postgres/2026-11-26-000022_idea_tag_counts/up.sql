-- How many ideas each (tag, state, department, pillar) holds, kept by triggers, so the board
-- filtered by a tag reads a few rows for its column heads instead of probing every idea of
-- the pillar (idea_counts does the same without a tag).
CREATE TABLE idea_tag_counts (
    tag TEXT NOT NULL,
    state TEXT NOT NULL,
    department_id BIGINT NOT NULL,
    pillar TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tag, state, department_id, pillar)
);
INSERT INTO idea_tag_counts (tag, state, department_id, pillar, n)
SELECT t.tag, i.state, i.department_id, i.pillar, COUNT(*)
FROM idea_tags t JOIN ideas i ON i.id = t.idea_id
GROUP BY t.tag, i.state, i.department_id, i.pillar;

-- A tag added or taken off counts under its idea's key. When the idea itself is deleted its
-- row is gone by the time its tags cascade: the idea's own trigger has counted them off.
CREATE FUNCTION count_idea_tags() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE idea_tag_counts c SET n = c.n - 1
        FROM ideas i
        WHERE i.id = OLD.idea_id AND c.tag = OLD.tag AND c.state = i.state
          AND c.department_id = i.department_id AND c.pillar = i.pillar;
    ELSE
        INSERT INTO idea_tag_counts (tag, state, department_id, pillar, n)
        SELECT NEW.tag, state, department_id, pillar, 1 FROM ideas WHERE id = NEW.idea_id
        ON CONFLICT (tag, state, department_id, pillar) DO UPDATE SET n = idea_tag_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- An idea that changes state, department or pillar moves its tags' counts along.
CREATE FUNCTION count_idea_tags_of_idea() RETURNS trigger AS $$
BEGIN
    UPDATE idea_tag_counts SET n = n - 1
    WHERE state = OLD.state AND department_id = OLD.department_id AND pillar = OLD.pillar
      AND tag IN (SELECT tag FROM idea_tags WHERE idea_id = OLD.id);
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO idea_tag_counts (tag, state, department_id, pillar, n)
        SELECT tag, NEW.state, NEW.department_id, NEW.pillar, 1 FROM idea_tags WHERE idea_id = NEW.id
        ON CONFLICT (tag, state, department_id, pillar) DO UPDATE SET n = idea_tag_counts.n + 1;
        RETURN NULL;
    END IF;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER idea_tag_counts_tags AFTER INSERT OR DELETE ON idea_tags
    FOR EACH ROW EXECUTE FUNCTION count_idea_tags();
CREATE TRIGGER idea_tag_counts_idea_delete BEFORE DELETE ON ideas
    FOR EACH ROW EXECUTE FUNCTION count_idea_tags_of_idea();
CREATE TRIGGER idea_tag_counts_update AFTER UPDATE OF state, department_id, pillar ON ideas
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state
        OR OLD.department_id IS DISTINCT FROM NEW.department_id
        OR OLD.pillar IS DISTINCT FROM NEW.pillar)
    EXECUTE FUNCTION count_idea_tags_of_idea();

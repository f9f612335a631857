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

CREATE TRIGGER idea_tag_counts_insert AFTER INSERT ON idea_tags BEGIN
    INSERT INTO idea_tag_counts (tag, state, department_id, pillar, n)
    SELECT NEW.tag, state, department_id, pillar, 1 FROM ideas WHERE id = NEW.idea_id
    ON CONFLICT (tag, state, department_id, pillar) DO UPDATE SET n = n + 1;
END;
-- When the idea itself is deleted its row is gone by the time its tags cascade: the idea's
-- own trigger below has counted them off already.
CREATE TRIGGER idea_tag_counts_delete AFTER DELETE ON idea_tags BEGIN
    UPDATE idea_tag_counts SET n = n - 1
    WHERE tag = OLD.tag
      AND (state, department_id, pillar) =
          (SELECT state, department_id, pillar FROM ideas WHERE id = OLD.idea_id);
END;
CREATE TRIGGER idea_tag_counts_idea_delete BEFORE DELETE ON ideas BEGIN
    UPDATE idea_tag_counts SET n = n - 1
    WHERE state = OLD.state AND department_id = OLD.department_id AND pillar = OLD.pillar
      AND tag IN (SELECT tag FROM idea_tags WHERE idea_id = OLD.id);
END;
CREATE TRIGGER idea_tag_counts_update AFTER UPDATE OF state, department_id, pillar ON ideas
    WHEN OLD.state <> NEW.state OR OLD.department_id <> NEW.department_id OR OLD.pillar <> NEW.pillar
BEGIN
    UPDATE idea_tag_counts SET n = n - 1
    WHERE state = OLD.state AND department_id = OLD.department_id AND pillar = OLD.pillar
      AND tag IN (SELECT tag FROM idea_tags WHERE idea_id = NEW.id);
    INSERT INTO idea_tag_counts (tag, state, department_id, pillar, n)
    SELECT tag, NEW.state, NEW.department_id, NEW.pillar, 1 FROM idea_tags WHERE idea_id = NEW.id
    ON CONFLICT (tag, state, department_id, pillar) DO UPDATE SET n = n + 1;
END;

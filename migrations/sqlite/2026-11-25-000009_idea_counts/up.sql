-- How many ideas each (state, department, pillar) holds, kept by triggers, so the board's
-- column heads read a few hundred rows instead of counting every idea on each view.
CREATE TABLE idea_counts (
    state TEXT NOT NULL,
    department_id BIGINT NOT NULL,
    pillar TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (state, department_id, pillar)
);
INSERT INTO idea_counts (state, department_id, pillar, n)
SELECT state, department_id, pillar, COUNT(*) FROM ideas GROUP BY state, department_id, pillar;

CREATE TRIGGER idea_counts_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO idea_counts (state, department_id, pillar, n)
    VALUES (NEW.state, NEW.department_id, NEW.pillar, 1)
    ON CONFLICT (state, department_id, pillar) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER idea_counts_delete AFTER DELETE ON ideas BEGIN
    UPDATE idea_counts SET n = n - 1
    WHERE state = OLD.state AND department_id = OLD.department_id AND pillar = OLD.pillar;
END;
CREATE TRIGGER idea_counts_update AFTER UPDATE OF state, department_id, pillar ON ideas
    WHEN OLD.state <> NEW.state OR OLD.department_id <> NEW.department_id OR OLD.pillar <> NEW.pillar
BEGIN
    UPDATE idea_counts SET n = n - 1
    WHERE state = OLD.state AND department_id = OLD.department_id AND pillar = OLD.pillar;
    INSERT INTO idea_counts (state, department_id, pillar, n)
    VALUES (NEW.state, NEW.department_id, NEW.pillar, 1)
    ON CONFLICT (state, department_id, pillar) DO UPDATE SET n = n + 1;
END;

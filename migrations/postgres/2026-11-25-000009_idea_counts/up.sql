-- How many ideas each (state, department, pillar) holds, kept by a trigger, so the board's
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

CREATE FUNCTION count_ideas() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE idea_counts SET n = n - 1
        WHERE state = OLD.state AND department_id = OLD.department_id AND pillar = OLD.pillar;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO idea_counts (state, department_id, pillar, n)
        VALUES (NEW.state, NEW.department_id, NEW.pillar, 1)
        ON CONFLICT (state, department_id, pillar) DO UPDATE SET n = idea_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER idea_counts_insert AFTER INSERT OR DELETE ON ideas
    FOR EACH ROW EXECUTE FUNCTION count_ideas();
CREATE TRIGGER idea_counts_update AFTER UPDATE OF state, department_id, pillar ON ideas
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state
        OR OLD.department_id IS DISTINCT FROM NEW.department_id
        OR OLD.pillar IS DISTINCT FROM NEW.pillar)
    EXECUTE FUNCTION count_ideas();

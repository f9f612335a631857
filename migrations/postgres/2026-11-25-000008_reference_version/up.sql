-- One row whose number every write to the reference data bumps (departments, channels, people,
-- a pillar that appears or goes). Each instance compares it with its cached copy's, so a copy
-- is never used after any instance changed what it holds (store::reference).
CREATE TABLE reference_version (
    id BIGSERIAL PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO reference_version (id, n) VALUES (1, 0);

CREATE FUNCTION bump_reference_version() RETURNS trigger AS $$
BEGIN
    UPDATE reference_version SET n = n + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION bump_reference_version_for_new_pillar() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ideas WHERE pillar = NEW.pillar AND id <> NEW.id) THEN
        UPDATE reference_version SET n = n + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER departments_ref AFTER INSERT OR UPDATE OR DELETE ON departments
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER channels_ref AFTER INSERT OR UPDATE OR DELETE ON channels
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER users_ref AFTER INSERT OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER users_update_ref AFTER UPDATE OF name, role, department_id, disabled_at ON users
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER ideas_new_pillar_ref AFTER INSERT ON ideas
    FOR EACH ROW EXECUTE FUNCTION bump_reference_version_for_new_pillar();
CREATE TRIGGER ideas_pillar_ref AFTER UPDATE OF pillar ON ideas
    FOR EACH ROW WHEN (OLD.pillar IS DISTINCT FROM NEW.pillar)
    EXECUTE FUNCTION bump_reference_version();
CREATE TRIGGER ideas_delete_ref AFTER DELETE ON ideas
    FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();

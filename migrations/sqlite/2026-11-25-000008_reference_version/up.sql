-- One row whose number every write to the reference data bumps (departments, channels, people,
-- a pillar that appears or goes). Each instance compares it with its cached copy's, so a copy
-- is never used after any instance changed what it holds (store::reference).
CREATE TABLE reference_version (
    id INTEGER PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO reference_version (id, n) VALUES (1, 0);

CREATE TRIGGER departments_insert_ref AFTER INSERT ON departments BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER departments_update_ref AFTER UPDATE ON departments BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER departments_delete_ref AFTER DELETE ON departments BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER channels_insert_ref AFTER INSERT ON channels BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER channels_update_ref AFTER UPDATE ON channels BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER channels_delete_ref AFTER DELETE ON channels BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER users_insert_ref AFTER INSERT ON users BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER users_update_ref AFTER UPDATE OF name, role, department_id, disabled_at ON users BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER users_delete_ref AFTER DELETE ON users BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER ideas_new_pillar_ref AFTER INSERT ON ideas
    WHEN NOT EXISTS (SELECT 1 FROM ideas WHERE pillar = NEW.pillar AND id <> NEW.id)
    BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER ideas_pillar_ref AFTER UPDATE OF pillar ON ideas WHEN OLD.pillar <> NEW.pillar
    BEGIN UPDATE reference_version SET n = n + 1; END;
CREATE TRIGGER ideas_delete_ref AFTER DELETE ON ideas BEGIN UPDATE reference_version SET n = n + 1; END;

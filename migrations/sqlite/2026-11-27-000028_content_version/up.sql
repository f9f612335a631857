-- A number that every write to what the calendar and insights show moves: variants and their
-- times, pieces' titles, publications (going out, failing, clicks, engagement), hand-ins and
-- approvals, ideas' departments and pillars (the calendar's filters). Each instance keeps the
-- calendars and dashboards it read under that number and reads them again once it moved
-- (store::kept). The number is the sum of the rows' counts: PostgreSQL spreads its bumps over
-- 64 rows; SQLite, one writer at a time, needs one.
CREATE TABLE content_version (
    id INTEGER PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO content_version (id, n) VALUES (0, 0);

CREATE TRIGGER publications_insert_kept AFTER INSERT ON publications
    BEGIN UPDATE content_version SET n = n + 1; END;
-- A post being claimed and sent (pending, publishing) shows as scheduled: only its going out
-- (or failing) bumps.
CREATE TRIGGER publications_update_kept AFTER UPDATE ON publications
    WHEN OLD.state = 'published' OR NEW.state = 'published'
        OR (OLD.state IN ('failed', 'unconfirmed')) <> (NEW.state IN ('failed', 'unconfirmed'))
        OR OLD.variant_id <> NEW.variant_id
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER publications_delete_kept AFTER DELETE ON publications
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER variants_insert_kept AFTER INSERT ON variants
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER variants_delete_kept AFTER DELETE ON variants
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER variants_update_kept AFTER UPDATE ON variants
    WHEN OLD.scheduled_at IS NOT NEW.scheduled_at OR OLD.channel_id IS NOT NEW.channel_id
        OR OLD.language IS NOT NEW.language OR OLD.content_id IS NOT NEW.content_id
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER content_update_kept AFTER UPDATE ON content_pieces
    WHEN OLD.title IS NOT NEW.title OR OLD.idea_id IS NOT NEW.idea_id
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER content_delete_kept AFTER DELETE ON content_pieces
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER ideas_update_kept AFTER UPDATE ON ideas
    WHEN OLD.department_id IS NOT NEW.department_id OR OLD.pillar IS NOT NEW.pillar
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER ideas_delete_kept AFTER DELETE ON ideas
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER idea_events_insert_kept AFTER INSERT ON idea_events
    WHEN NEW.to_state IN ('submitted', 'approved')
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER idea_events_update_kept AFTER UPDATE ON idea_events
    BEGIN UPDATE content_version SET n = n + 1; END;
CREATE TRIGGER idea_events_delete_kept AFTER DELETE ON idea_events
    BEGIN UPDATE content_version SET n = n + 1; END;

-- One row whose number every write to what insights add up bumps: a publication that is, was
-- or becomes published; a hand-in or approval; a piece's title. Each instance keeps the
-- dashboards it worked out under that number and works them out again once it moved
-- (store::insights::Cache).
CREATE TABLE insights_version (
    id INTEGER PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO insights_version (id, n) VALUES (1, 0);

-- Claiming and retrying posts (pending, publishing) leave the number alone.
CREATE TRIGGER publications_insert_insights AFTER INSERT ON publications
    WHEN NEW.state = 'published' BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER publications_update_insights AFTER UPDATE ON publications
    WHEN OLD.state = 'published' OR NEW.state = 'published'
    BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER publications_delete_insights AFTER DELETE ON publications
    WHEN OLD.state = 'published' BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER idea_events_insert_insights AFTER INSERT ON idea_events
    WHEN NEW.to_state IN ('submitted', 'approved')
    BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER idea_events_update_insights AFTER UPDATE ON idea_events
    BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER idea_events_delete_insights AFTER DELETE ON idea_events
    BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER content_title_insights AFTER UPDATE OF title ON content_pieces
    WHEN OLD.title IS NOT NEW.title BEGIN UPDATE insights_version SET n = n + 1; END;
CREATE TRIGGER content_delete_insights AFTER DELETE ON content_pieces
    BEGIN UPDATE insights_version SET n = n + 1; END;

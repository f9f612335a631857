-- One row whose number every write to what insights add up bumps: a publication that is, was
-- or becomes published; a hand-in or approval; a piece's title. Each instance keeps the
-- dashboards it worked out under that number and works them out again once it moved, also
-- when another instance made the change (store::insights::Cache).
CREATE TABLE insights_version (
    id BIGSERIAL PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO insights_version (id, n) VALUES (1, 0);

CREATE FUNCTION bump_insights_version() RETURNS trigger AS $$
BEGIN
    UPDATE insights_version SET n = n + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Per row, so that claiming and retrying posts (pending, publishing) leave the number alone.
CREATE TRIGGER publications_insert_insights AFTER INSERT ON publications
    FOR EACH ROW WHEN (NEW.state = 'published') EXECUTE FUNCTION bump_insights_version();
CREATE TRIGGER publications_update_insights AFTER UPDATE ON publications
    FOR EACH ROW WHEN (OLD.state = 'published' OR NEW.state = 'published')
    EXECUTE FUNCTION bump_insights_version();
CREATE TRIGGER publications_delete_insights AFTER DELETE ON publications
    FOR EACH ROW WHEN (OLD.state = 'published') EXECUTE FUNCTION bump_insights_version();
CREATE TRIGGER idea_events_insert_insights AFTER INSERT ON idea_events
    FOR EACH ROW WHEN (NEW.to_state IN ('submitted', 'approved'))
    EXECUTE FUNCTION bump_insights_version();
CREATE TRIGGER idea_events_change_insights AFTER UPDATE OR DELETE ON idea_events
    FOR EACH STATEMENT EXECUTE FUNCTION bump_insights_version();
CREATE TRIGGER content_title_insights AFTER UPDATE OF title ON content_pieces
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title)
    EXECUTE FUNCTION bump_insights_version();
CREATE TRIGGER content_delete_insights AFTER DELETE ON content_pieces
    FOR EACH STATEMENT EXECUTE FUNCTION bump_insights_version();

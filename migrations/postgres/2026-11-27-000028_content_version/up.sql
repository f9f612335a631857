-- One row whose number every write to what the calendar and insights show bumps: variants and
-- their times, pieces' titles, publications (their state, clicks, engagement), hand-ins and
-- approvals, ideas' departments and pillars (the calendar's filters). Each instance keeps the
-- calendars and dashboards it read under that number and reads them again once it moved,
-- also when another instance made the change (store::kept). One row for both: bumps of two
-- rows taken in different orders by two transactions could deadlock.
CREATE TABLE content_version (
    id BIGSERIAL PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO content_version (id, n) VALUES (1, 0);

CREATE FUNCTION bump_content_version() RETURNS trigger AS $$
BEGIN
    UPDATE content_version SET n = n + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Per row, each with the columns that matter, so that a statement that changes nothing shown
-- (a sweep that finds no row, a piece's body edited) leaves the number alone.
CREATE TRIGGER publications_kept AFTER INSERT OR UPDATE OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER variants_insert_kept AFTER INSERT OR DELETE ON variants
    FOR EACH ROW EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER variants_update_kept AFTER UPDATE ON variants
    FOR EACH ROW WHEN (OLD.scheduled_at IS DISTINCT FROM NEW.scheduled_at
        OR OLD.channel_id IS DISTINCT FROM NEW.channel_id
        OR OLD.language IS DISTINCT FROM NEW.language
        OR OLD.content_id IS DISTINCT FROM NEW.content_id)
    EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER content_update_kept AFTER UPDATE ON content_pieces
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.idea_id IS DISTINCT FROM NEW.idea_id)
    EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER content_delete_kept AFTER DELETE ON content_pieces
    FOR EACH ROW EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER ideas_update_kept AFTER UPDATE ON ideas
    FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id OR OLD.pillar IS DISTINCT FROM NEW.pillar)
    EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER ideas_delete_kept AFTER DELETE ON ideas
    FOR EACH ROW EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER idea_events_insert_kept AFTER INSERT ON idea_events
    FOR EACH ROW WHEN (NEW.to_state IN ('submitted', 'approved'))
    EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER idea_events_change_kept AFTER UPDATE OR DELETE ON idea_events
    FOR EACH ROW EXECUTE FUNCTION bump_content_version();

-- A number that every write to what the calendar and insights show moves: variants and their
-- times, pieces' titles, publications (going out, failing, clicks, engagement), hand-ins and
-- approvals, ideas' departments and pillars (the calendar's filters). Each instance keeps the
-- calendars and dashboards it read under that number and reads them again once it moved,
-- also when another instance made the change (store::kept).
--
-- The number is the sum of 64 counters, and a connection bumps the one its process id picks.
-- A bump holds its row until the transaction commits: with one row the publishing workers'
-- commits queued on it (a burst of 1,000 posts went out a third later). Any committed bump
-- still raises the sum, and a transaction bumps one row only, so two cannot deadlock.
CREATE TABLE content_version (
    id BIGINT PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO content_version (id, n) SELECT g, 0 FROM generate_series(0, 63) AS g;

CREATE FUNCTION bump_content_version() RETURNS trigger AS $$
BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = pg_backend_pid() % 64;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Per row, each with the columns that matter, so that a statement that changes nothing shown
-- (a sweep that finds no row, a piece's body edited) leaves the number alone. A post being
-- claimed and sent (pending, publishing) shows as scheduled: only its going out (or failing)
-- bumps, once per post.
CREATE TRIGGER publications_insert_kept AFTER INSERT OR DELETE ON publications
    FOR EACH ROW EXECUTE FUNCTION bump_content_version();
CREATE TRIGGER publications_update_kept AFTER UPDATE ON publications
    FOR EACH ROW WHEN (OLD.state = 'published' OR NEW.state = 'published'
        OR (OLD.state IN ('failed', 'unconfirmed')) <> (NEW.state IN ('failed', 'unconfirmed'))
        OR OLD.variant_id <> NEW.variant_id)
    EXECUTE FUNCTION bump_content_version();
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

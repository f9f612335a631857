-- What the inbox's list shows of a conversation, kept on it: its latest incoming message
-- (by time, then id) and how many came in. Looked up per conversation for each list of a
-- hundred, it was a quarter of the inbox page. Triggers keep it for every writer of messages
-- (receiving, erasure, a message moved to another conversation).
ALTER TABLE conversations ADD COLUMN head_author TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN head_author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN head_text TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN incoming BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION conversation_head(conv BIGINT) RETURNS void AS $$
    UPDATE conversations SET (head_author, head_author_name, head_text, incoming) = (
        SELECT COALESCE(l.author, ''), COALESCE(l.author_name, ''), COALESCE(l.text, ''),
            (SELECT count(*) FROM inbox_messages n WHERE n.conversation_id = conv AND n.kind = 'in')
        FROM (SELECT 1) AS one LEFT JOIN (
            SELECT m.author, m.author_name, m.text FROM inbox_messages m
            WHERE m.conversation_id = conv AND m.kind = 'in'
            ORDER BY m.at DESC, m.id DESC LIMIT 1
        ) AS l ON true)
    WHERE id = conv;
$$ LANGUAGE sql;

CREATE FUNCTION conversation_head_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM conversation_head(OLD.conversation_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.conversation_id <> OLD.conversation_id) THEN
        PERFORM conversation_head(NEW.conversation_id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER inbox_messages_head_insert AFTER INSERT ON inbox_messages
    FOR EACH ROW WHEN (NEW.kind = 'in') EXECUTE FUNCTION conversation_head_changed();
CREATE TRIGGER inbox_messages_head_update AFTER UPDATE ON inbox_messages
    FOR EACH ROW EXECUTE FUNCTION conversation_head_changed();
CREATE TRIGGER inbox_messages_head_delete AFTER DELETE ON inbox_messages
    FOR EACH ROW WHEN (OLD.kind = 'in') EXECUTE FUNCTION conversation_head_changed();

SELECT conversation_head(id) FROM conversations;

-- What the inbox's list shows of a conversation, kept on it: its latest incoming message
-- (by time, then id) and how many came in. Looked up per conversation for each list of a
-- hundred, it was a quarter of the inbox page. Triggers keep it for every writer of messages
-- (receiving, erasure, a message moved to another conversation).
ALTER TABLE conversations ADD COLUMN head_author TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN head_author_name TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN head_text TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN incoming BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER inbox_messages_head_insert AFTER INSERT ON inbox_messages WHEN NEW.kind = 'in'
BEGIN
    UPDATE conversations SET (head_author, head_author_name, head_text, incoming) = (
        SELECT COALESCE(l.author, ''), COALESCE(l.author_name, ''), COALESCE(l.text, ''),
            (SELECT count(*) FROM inbox_messages n WHERE n.conversation_id = NEW.conversation_id AND n.kind = 'in')
        FROM (SELECT 1) AS one LEFT JOIN (
            SELECT m.author, m.author_name, m.text FROM inbox_messages m
            WHERE m.conversation_id = NEW.conversation_id AND m.kind = 'in'
            ORDER BY m.at DESC, m.id DESC LIMIT 1
        ) AS l ON 1)
    WHERE id = NEW.conversation_id;
END;
CREATE TRIGGER inbox_messages_head_update_old AFTER UPDATE ON inbox_messages
BEGIN
    UPDATE conversations SET (head_author, head_author_name, head_text, incoming) = (
        SELECT COALESCE(l.author, ''), COALESCE(l.author_name, ''), COALESCE(l.text, ''),
            (SELECT count(*) FROM inbox_messages n WHERE n.conversation_id = OLD.conversation_id AND n.kind = 'in')
        FROM (SELECT 1) AS one LEFT JOIN (
            SELECT m.author, m.author_name, m.text FROM inbox_messages m
            WHERE m.conversation_id = OLD.conversation_id AND m.kind = 'in'
            ORDER BY m.at DESC, m.id DESC LIMIT 1
        ) AS l ON 1)
    WHERE id = OLD.conversation_id;
END;
CREATE TRIGGER inbox_messages_head_update_new AFTER UPDATE ON inbox_messages
    WHEN NEW.conversation_id <> OLD.conversation_id
BEGIN
    UPDATE conversations SET (head_author, head_author_name, head_text, incoming) = (
        SELECT COALESCE(l.author, ''), COALESCE(l.author_name, ''), COALESCE(l.text, ''),
            (SELECT count(*) FROM inbox_messages n WHERE n.conversation_id = NEW.conversation_id AND n.kind = 'in')
        FROM (SELECT 1) AS one LEFT JOIN (
            SELECT m.author, m.author_name, m.text FROM inbox_messages m
            WHERE m.conversation_id = NEW.conversation_id AND m.kind = 'in'
            ORDER BY m.at DESC, m.id DESC LIMIT 1
        ) AS l ON 1)
    WHERE id = NEW.conversation_id;
END;
CREATE TRIGGER inbox_messages_head_delete AFTER DELETE ON inbox_messages WHEN OLD.kind = 'in'
BEGIN
    UPDATE conversations SET (head_author, head_author_name, head_text, incoming) = (
        SELECT COALESCE(l.author, ''), COALESCE(l.author_name, ''), COALESCE(l.text, ''),
            (SELECT count(*) FROM inbox_messages n WHERE n.conversation_id = OLD.conversation_id AND n.kind = 'in')
        FROM (SELECT 1) AS one LEFT JOIN (
            SELECT m.author, m.author_name, m.text FROM inbox_messages m
            WHERE m.conversation_id = OLD.conversation_id AND m.kind = 'in'
            ORDER BY m.at DESC, m.id DESC LIMIT 1
        ) AS l ON 1)
    WHERE id = OLD.conversation_id;
END;

-- The conversations already there (SQLite's subqueries in FROM cannot look outside).
UPDATE conversations SET
    head_author = COALESCE((SELECT m.author FROM inbox_messages m WHERE m.conversation_id = conversations.id
        AND m.kind = 'in' ORDER BY m.at DESC, m.id DESC LIMIT 1), ''),
    head_author_name = COALESCE((SELECT m.author_name FROM inbox_messages m WHERE m.conversation_id = conversations.id
        AND m.kind = 'in' ORDER BY m.at DESC, m.id DESC LIMIT 1), ''),
    head_text = COALESCE((SELECT m.text FROM inbox_messages m WHERE m.conversation_id = conversations.id
        AND m.kind = 'in' ORDER BY m.at DESC, m.id DESC LIMIT 1), ''),
    incoming = (SELECT count(*) FROM inbox_messages n WHERE n.conversation_id = conversations.id
        AND n.kind = 'in');

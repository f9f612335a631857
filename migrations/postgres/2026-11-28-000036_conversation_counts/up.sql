-- How many conversations each state holds, kept by triggers, so the start page and the inbox
-- read how many wait for an answer from one row instead of counting every open conversation
-- on each view (the overdue among them are still counted, off the (state, due_at) index).
CREATE TABLE conversation_counts (
    state TEXT PRIMARY KEY,
    n BIGINT NOT NULL
);
INSERT INTO conversation_counts (state, n)
SELECT state, COUNT(*) FROM conversations GROUP BY state;

CREATE FUNCTION count_conversations() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE conversation_counts SET n = n - 1 WHERE state = OLD.state;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO conversation_counts (state, n) VALUES (NEW.state, 1)
        ON CONFLICT (state) DO UPDATE SET n = conversation_counts.n + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversation_counts_insert AFTER INSERT OR DELETE ON conversations
    FOR EACH ROW EXECUTE FUNCTION count_conversations();
CREATE TRIGGER conversation_counts_update AFTER UPDATE OF state ON conversations
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION count_conversations();

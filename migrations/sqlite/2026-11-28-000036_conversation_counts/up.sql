-- How many conversations each state holds, kept by triggers, so the start page and the inbox
-- read how many wait for an answer from one row instead of counting every open conversation
-- on each view (the overdue among them are still counted, off the (state, due_at) index).
CREATE TABLE conversation_counts (
    state TEXT PRIMARY KEY NOT NULL,
    n BIGINT NOT NULL
);
INSERT INTO conversation_counts (state, n)
SELECT state, COUNT(*) FROM conversations GROUP BY state;

CREATE TRIGGER conversation_counts_insert AFTER INSERT ON conversations BEGIN
    INSERT INTO conversation_counts (state, n) VALUES (NEW.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER conversation_counts_delete AFTER DELETE ON conversations BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE state = OLD.state;
END;
CREATE TRIGGER conversation_counts_update AFTER UPDATE OF state ON conversations
    WHEN OLD.state <> NEW.state
BEGIN
    UPDATE conversation_counts SET n = n - 1 WHERE state = OLD.state;
    INSERT INTO conversation_counts (state, n) VALUES (NEW.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;

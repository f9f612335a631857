-- How many open conversations fall due in each hour (hours since 1970, UTC), kept by
-- triggers, so that the overdue count of the start page and the inbox sums the hours gone by
-- and counts, off the (state, due_at) index, only the conversations of the hour under way.
-- Counting every overdue conversation off the index was two thirds of the start page's time
-- with 2,000 open. An hour whose last conversation goes leaves no row behind.
CREATE TABLE open_due_hours (
    due_hour BIGINT PRIMARY KEY NOT NULL,
    n BIGINT NOT NULL
);
INSERT INTO open_due_hours (due_hour, n)
SELECT unixepoch(due_at) / 3600, COUNT(*) FROM conversations WHERE state = 'open' GROUP BY 1;

CREATE TRIGGER open_due_hours_insert AFTER INSERT ON conversations WHEN NEW.state = 'open'
BEGIN
    INSERT INTO open_due_hours (due_hour, n) VALUES (unixepoch(NEW.due_at) / 3600, 1)
    ON CONFLICT (due_hour) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER open_due_hours_delete AFTER DELETE ON conversations WHEN OLD.state = 'open'
BEGIN
    UPDATE open_due_hours SET n = n - 1 WHERE due_hour = unixepoch(OLD.due_at) / 3600;
    DELETE FROM open_due_hours WHERE due_hour = unixepoch(OLD.due_at) / 3600 AND n = 0;
END;
CREATE TRIGGER open_due_hours_update AFTER UPDATE OF state, due_at ON conversations
    WHEN (OLD.state = 'open' OR NEW.state = 'open')
     AND (OLD.state IS NOT NEW.state OR OLD.due_at IS NOT NEW.due_at)
BEGIN
    UPDATE open_due_hours SET n = n - 1
    WHERE OLD.state = 'open' AND due_hour = unixepoch(OLD.due_at) / 3600;
    DELETE FROM open_due_hours
    WHERE OLD.state = 'open' AND due_hour = unixepoch(OLD.due_at) / 3600 AND n = 0;
    INSERT INTO open_due_hours (due_hour, n)
    SELECT unixepoch(NEW.due_at) / 3600, 1 WHERE NEW.state = 'open'
    ON CONFLICT (due_hour) DO UPDATE SET n = n + 1;
END;

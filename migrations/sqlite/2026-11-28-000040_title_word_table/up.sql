-- Titles' words, one row per word and idea, with how many words the title has, for "similar
-- earlier ideas" (store::search::sharing_title_words). FTS5 cost about 0.12M instructions to
-- open each word's list and hands out no count of a title's words, so every title that
-- shared enough words was read and compared. Here each word's newest ideas come off the key,
-- and a title's score follows from the words it shares and `words`, without reading it.
-- The words are Rust's own split (db::title_words, which every connection registers), the
-- same the score uses; writing an idea over a connection without it fails.
CREATE TABLE idea_title_words (
    word TEXT NOT NULL,
    idea_id INTEGER NOT NULL,
    words INTEGER NOT NULL,
    PRIMARY KEY (word, idea_id)
) WITHOUT ROWID;

CREATE TRIGGER idea_title_words_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO idea_title_words (word, idea_id, words)
        SELECT w.value, new.id, json_array_length(t.list)
        FROM (SELECT title_words(new.title) AS list) AS t, json_each(t.list) AS w;
END;
CREATE TRIGGER idea_title_words_update AFTER UPDATE OF title ON ideas
    WHEN new.title IS NOT old.title BEGIN
    DELETE FROM idea_title_words
        WHERE idea_id = old.id AND word IN (SELECT value FROM json_each(title_words(old.title)));
    INSERT INTO idea_title_words (word, idea_id, words)
        SELECT w.value, new.id, json_array_length(t.list)
        FROM (SELECT title_words(new.title) AS list) AS t, json_each(t.list) AS w;
END;
CREATE TRIGGER idea_title_words_delete AFTER DELETE ON ideas BEGIN
    DELETE FROM idea_title_words
        WHERE idea_id = old.id AND word IN (SELECT value FROM json_each(title_words(old.title)));
END;

INSERT INTO idea_title_words (word, idea_id, words)
    SELECT w.value, i.id, json_array_length(i.list)
    FROM (SELECT id, title_words(title) AS list FROM ideas) AS i, json_each(i.list) AS w;

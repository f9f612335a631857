-- Titles' words, one row per word and idea, for the candidates of "similar earlier ideas"
-- (store::search::sharing_a_title_word): the newest few hundred ideas with each word come
-- straight off this index, whether the word is on one title or on a fifth of them. The GIN
-- index of migration 000026 gave no order, so the planner either walked the ideas newest first
-- working out every title's words (3.5 ms for common words) or, for rare ones, fetched all
-- matches; which of the two it took depended on the words. The words are those of that index.
-- No foreign key: the triggers below keep the rows, and a key's check on every word of every
-- new idea made seeding 100k ideas five times slower.
CREATE TABLE idea_title_words (
    word TEXT NOT NULL,
    idea_id BIGINT NOT NULL,
    PRIMARY KEY (word, idea_id)
);

CREATE FUNCTION idea_title_words_of(title TEXT) RETURNS SETOF TEXT AS $$
    SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('simple', translate(title, './@:-', '     '))));
$$ LANGUAGE sql IMMUTABLE ROWS 8;

-- An idea's old words are found by its old title (the key leads with the word).
CREATE FUNCTION idea_title_words_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM idea_title_words
            WHERE word = ANY(ARRAY(SELECT idea_title_words_of(OLD.title))) AND idea_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO idea_title_words (word, idea_id)
            SELECT w, NEW.id FROM idea_title_words_of(NEW.title) AS w;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER ideas_title_words_insert AFTER INSERT ON ideas
    FOR EACH ROW EXECUTE FUNCTION idea_title_words_changed();
CREATE TRIGGER ideas_title_words_update AFTER UPDATE OF title ON ideas
    FOR EACH ROW WHEN (NEW.title IS DISTINCT FROM OLD.title) EXECUTE FUNCTION idea_title_words_changed();
CREATE TRIGGER ideas_title_words_delete AFTER DELETE ON ideas
    FOR EACH ROW EXECUTE FUNCTION idea_title_words_changed();

INSERT INTO idea_title_words (word, idea_id)
    SELECT w, ideas.id FROM ideas, idea_title_words_of(ideas.title) AS w;

DROP INDEX ideas_title_words;

DROP INDEX ideas_title_words;
ALTER TABLE ideas DROP COLUMN title_words;
CREATE INDEX ideas_title_words ON ideas
    USING gin (to_tsvector('simple', translate(title, './@:-', '     ')));

CREATE INDEX ideas_search ON ideas
    USING gin (to_tsvector('simple', translate(title || ' ' || pitch, './@:-', '     ')));
DROP INDEX ideas_search_words;
ALTER TABLE ideas DROP COLUMN search_words;

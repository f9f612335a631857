-- Whole words of ideas' titles, for the candidates of "similar earlier ideas"
-- (store::search::sharing_a_title_word); the search index covers title and pitch together.
CREATE INDEX ideas_title_words ON ideas
    USING gin (to_tsvector('simple', translate(title, './@:-', '     ')));

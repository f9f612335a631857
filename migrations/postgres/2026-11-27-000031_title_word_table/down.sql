CREATE INDEX ideas_title_words ON ideas
    USING gin (to_tsvector('simple', translate(title, './@:-', '     ')));
DROP TRIGGER ideas_title_words_delete ON ideas;
DROP TRIGGER ideas_title_words_update ON ideas;
DROP TRIGGER ideas_title_words_insert ON ideas;
DROP FUNCTION idea_title_words_changed();
DROP FUNCTION idea_title_words_of(TEXT);
DROP TABLE idea_title_words;

-- The words the search matches (store::search::matches), stored on the idea instead of only
-- in the index over the expression. A page of matches in id order often walks the ideas by
-- their key and tests each one's words: with the expression that meant working out every
-- idea's words again (3 µs each; a word no idea has walked all of them, 1 s at 100k ideas),
-- with the stored words it is a comparison. The words are the same as the old index's.
ALTER TABLE ideas ADD COLUMN search_words tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', translate(title || ' ' || pitch, './@:-', '     '))) STORED;
CREATE INDEX ideas_search_words ON ideas USING gin (search_words);
DROP INDEX ideas_search;

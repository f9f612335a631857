-- The words of ideas' titles kept with the row, worked out once when it is written, instead
-- of by the expression index of migration 000026: "similar earlier ideas" walks the earlier
-- ideas newest first and tested each row by parsing its title again, ~4 µs a row (the seeded
-- idea page's candidates took 4.7 ms; 0.45 ms from the stored words). The search over title
-- and pitch keeps its expression index: storing those words doubled the table, and a
-- search's heap reads grew with it.
ALTER TABLE ideas ADD COLUMN title_words tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', translate(title, './@:-', '     '))) STORED;
DROP INDEX ideas_title_words;
CREATE INDEX ideas_title_words ON ideas USING gin (title_words);
-- Statistics for the new column at once, rather than at autovacuum's next pass.
ANALYZE ideas;

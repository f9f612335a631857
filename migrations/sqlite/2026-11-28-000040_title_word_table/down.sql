DROP TRIGGER idea_title_words_delete;
DROP TRIGGER idea_title_words_update;
DROP TRIGGER idea_title_words_insert;
DROP TABLE idea_title_words;

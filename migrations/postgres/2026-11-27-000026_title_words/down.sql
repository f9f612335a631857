DROP INDEX ideas_title_words;

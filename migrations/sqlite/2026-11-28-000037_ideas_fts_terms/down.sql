DROP TABLE ideas_fts_terms;

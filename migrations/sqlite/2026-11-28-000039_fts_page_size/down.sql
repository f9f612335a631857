INSERT INTO ideas_fts(ideas_fts, rank) VALUES ('pgsz', 4050);
INSERT INTO ideas_fts(ideas_fts) VALUES ('rebuild');
INSERT INTO ideas_fts(ideas_fts) VALUES ('optimize');

-- Leaves of about 1,000 bytes for the full-text index instead of FTS5's 4,050, rebuilt once
-- and merged into one segment, as the housekeeping leaves it (store::search::merge_index).
-- "Similar earlier ideas" reads each title word's newest ideas before the idea (newest
-- first, store::search::sharing_title_words); FTS5 finds the leaf that holds that idea and
-- then steps back through it one entry at a time, so each word costs about half a leaf.
-- Smaller leaves took the seeded-title idea page from 3.56M to 3.35M instructions; a search
-- that reads a word's whole list pays 2% more for the extra leaves.
INSERT INTO ideas_fts(ideas_fts, rank) VALUES ('pgsz', 1000);
INSERT INTO ideas_fts(ideas_fts) VALUES ('rebuild');
INSERT INTO ideas_fts(ideas_fts) VALUES ('optimize');

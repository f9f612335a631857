-- The terms of the full-text index, one row per occurrence, read in term order from any
-- term on (store::search::fts_query): a search word that starts few terms is spelled out as
-- those terms, which FTS5 reads lazily, instead of a prefix, whose whole list of matches
-- FTS5 builds before handing out the first. The 'instance' kind reads no more than it is
-- asked for; the 'row' kind would count every term's occurrences.
CREATE VIRTUAL TABLE ideas_fts_terms USING fts5vocab(ideas_fts, instance);

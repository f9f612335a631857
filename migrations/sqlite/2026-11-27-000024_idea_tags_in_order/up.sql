-- List rows and board cards read their ideas' tags in the order people wrote them: from this
-- index alone, without a table row per tag or a sort.
CREATE INDEX idea_tags_in_order ON idea_tags (idea_id, position, tag);
ANALYZE idea_tags;

-- What a publication went out as (its piece, idea, department, pillar and language, and when
-- its idea was first handed in), written
-- when it is published, so that a year of insights reads one index of publications instead
-- of joining four tables per post.
ALTER TABLE publications ADD COLUMN content_id BIGINT;
ALTER TABLE publications ADD COLUMN idea_id BIGINT;
ALTER TABLE publications ADD COLUMN department_id BIGINT;
ALTER TABLE publications ADD COLUMN pillar TEXT;
ALTER TABLE publications ADD COLUMN language TEXT;
ALTER TABLE publications ADD COLUMN handed_in_at TIMESTAMP;
UPDATE publications SET
  content_id = (SELECT v.content_id FROM variants v WHERE v.id = publications.variant_id),
  idea_id = (SELECT cp.idea_id FROM variants v JOIN content_pieces cp ON cp.id = v.content_id
             WHERE v.id = publications.variant_id),
  department_id = (SELECT i.department_id FROM variants v JOIN content_pieces cp ON cp.id = v.content_id
                   JOIN ideas i ON i.id = cp.idea_id WHERE v.id = publications.variant_id),
  pillar = (SELECT i.pillar FROM variants v JOIN content_pieces cp ON cp.id = v.content_id
            JOIN ideas i ON i.id = cp.idea_id WHERE v.id = publications.variant_id),
  language = (SELECT v.language FROM variants v WHERE v.id = publications.variant_id)
WHERE state = 'published';
UPDATE publications SET handed_in_at = (
  SELECT min(e.at) FROM idea_events e WHERE e.idea_id = publications.idea_id AND e.to_state = 'submitted'
) WHERE state = 'published';
DROP INDEX publications_published;
CREATE INDEX publications_facts ON publications (
  state, published_at, channel_id, department_id, content_id, idea_id, clicks, engagement,
  pillar, language
);

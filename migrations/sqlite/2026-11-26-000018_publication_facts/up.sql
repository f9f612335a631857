-- What a publication went out as (its piece, idea, department, pillar and language), written
-- when it is published, so that a year of insights reads one index of publications instead
-- of joining four tables per post.
ALTER TABLE publications ADD COLUMN content_id BIGINT;
ALTER TABLE publications ADD COLUMN idea_id BIGINT;
ALTER TABLE publications ADD COLUMN department_id BIGINT;
ALTER TABLE publications ADD COLUMN pillar TEXT;
ALTER TABLE publications ADD COLUMN language TEXT;
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
DROP INDEX publications_published;
CREATE INDEX publications_facts ON publications (
  state, published_at, channel_id, department_id, content_id, idea_id, clicks, engagement,
  pillar, language
);

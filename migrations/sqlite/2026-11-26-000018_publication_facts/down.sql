DROP INDEX publications_facts;
CREATE INDEX publications_published ON publications(state, published_at);
ALTER TABLE publications DROP COLUMN content_id;
ALTER TABLE publications DROP COLUMN idea_id;
ALTER TABLE publications DROP COLUMN department_id;
ALTER TABLE publications DROP COLUMN pillar;
ALTER TABLE publications DROP COLUMN language;
ALTER TABLE publications DROP COLUMN handed_in_at;

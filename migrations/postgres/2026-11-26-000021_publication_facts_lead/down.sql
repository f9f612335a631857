DROP INDEX publications_facts;
CREATE INDEX publications_facts ON publications (
  state, published_at, channel_id, department_id, content_id, idea_id, clicks, engagement,
  pillar, language
);

DROP INDEX publications_facts;
CREATE INDEX publications_facts ON publications (
  state, published_at, channel_id, department_id, content_id, idea_id, clicks, engagement,
  pillar, language, handed_in_at
);
ALTER TABLE publications DROP COLUMN lead_secs;
DROP INDEX idea_events_step;
CREATE INDEX idea_events_step ON idea_events (to_state, at, idea_id);
CREATE INDEX ideas_department_of ON ideas (id, department_id);
ALTER TABLE idea_events DROP COLUMN previous_at;
ALTER TABLE idea_events DROP COLUMN department_id;

-- The insights funnel counts a period's hand-ins and approvals per department in SQL: each
-- step carries its idea's department when it was taken and when the idea last took the same
-- step before (an idea counts once per step in a period: on its first time in it, which is
-- the step whose previous time lies before the period or does not exist). A year of 200k
-- steps was read into the server and deduplicated there (0.09 s of SQLite reading alone);
-- counted from this index it is 0.03 s and twelve rows.
ALTER TABLE idea_events ADD COLUMN department_id BIGINT;
ALTER TABLE idea_events ADD COLUMN previous_at TIMESTAMP;
UPDATE idea_events SET
  department_id = (SELECT i.department_id FROM ideas i WHERE i.id = idea_events.idea_id),
  previous_at = (SELECT max(e.at) FROM idea_events e
                 WHERE e.idea_id = idea_events.idea_id AND e.to_state = idea_events.to_state
                   AND e.id < idea_events.id)
WHERE to_state IS NOT NULL;
DROP INDEX idea_events_step;
DROP INDEX ideas_department_of;
-- Department before time: SQLite skips from department to department within each step and
-- reads the period's range of each, already grouped (no sort, no temporary table).
CREATE INDEX idea_events_step ON idea_events (to_state, department_id, at, previous_at);
ANALYZE idea_events;

-- Insights read each post's lead time (seconds from its idea's first hand-in) as a number
-- written when it went out, instead of working it out from two timestamps per row on every
-- read (half of SQLite's time for a year of posts).
ALTER TABLE publications ADD COLUMN lead_secs BIGINT;
UPDATE publications
SET lead_secs = CAST(round((julianday(published_at) - julianday(handed_in_at)) * 86400) AS INTEGER)
WHERE published_at IS NOT NULL AND handed_in_at IS NOT NULL;
DROP INDEX publications_facts;
CREATE INDEX publications_facts ON publications (
  state, published_at, channel_id, department_id, content_id, idea_id, clicks, engagement,
  pillar, language, lead_secs
);

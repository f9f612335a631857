DROP INDEX ideas_department_of;
DROP INDEX idea_events_step;
CREATE INDEX idea_events_step ON idea_events (to_state, at);

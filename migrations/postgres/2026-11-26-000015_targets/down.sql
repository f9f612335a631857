DROP INDEX idea_events_step;
DROP INDEX ideas_submitter_state;
DROP INDEX publications_published;
DROP TABLE targets;

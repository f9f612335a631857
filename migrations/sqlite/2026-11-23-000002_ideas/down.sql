ALTER TABLE users DROP COLUMN mail_off;
DROP TABLE mail_outbox;
DROP TABLE idea_events;
DROP TABLE ideas;
DROP TABLE channels;

DROP TABLE channel_schedules;
ALTER TABLE channels DROP COLUMN paused_at;
ALTER TABLE channels DROP COLUMN several_per_slot;
ALTER TABLE channels DROP COLUMN secrets_set;
ALTER TABLE channels DROP COLUMN secrets;
ALTER TABLE channels DROP COLUMN config;

-- Channel settings: plain ones as JSON, secret ones sealed (see security::seal).
ALTER TABLE channels ADD COLUMN config TEXT NOT NULL DEFAULT '{}';
ALTER TABLE channels ADD COLUMN secrets TEXT NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN secrets_set TEXT NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN several_per_slot BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE channels ADD COLUMN paused_at TIMESTAMP;

-- Posting schedules: cron expressions in an IANA zone.
CREATE TABLE channel_schedules (
    id INTEGER PRIMARY KEY,
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL
);
CREATE INDEX channel_schedules_channel ON channel_schedules(channel_id);

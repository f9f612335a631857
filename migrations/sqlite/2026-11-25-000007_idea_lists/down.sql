DROP TRIGGER ideas_fts_update;
DROP TRIGGER ideas_fts_delete;
DROP TRIGGER ideas_fts_insert;
DROP TABLE ideas_fts;
DROP INDEX ideas_assignee;
DROP INDEX ideas_pillar_state;
ALTER TABLE ideas ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN channels TEXT NOT NULL DEFAULT '';
ALTER TABLE ideas ADD COLUMN languages TEXT NOT NULL DEFAULT '';
UPDATE ideas SET
    tags = COALESCE((SELECT ',' || group_concat(tag, ',') || ',' FROM (SELECT tag FROM idea_tags t WHERE t.idea_id = ideas.id ORDER BY position)), ''),
    channels = COALESCE((SELECT ',' || group_concat(channel_id, ',') || ',' FROM (SELECT channel_id FROM idea_channels c WHERE c.idea_id = ideas.id ORDER BY position)), ''),
    languages = COALESCE((SELECT ',' || group_concat(language, ',') || ',' FROM (SELECT language FROM idea_languages l WHERE l.idea_id = ideas.id ORDER BY position)), '');
DROP TABLE idea_languages;
DROP TABLE idea_channels;
DROP TABLE idea_tags;

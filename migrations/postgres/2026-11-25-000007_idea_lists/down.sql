DROP INDEX ideas_search;
DROP INDEX ideas_assignee;
DROP INDEX ideas_pillar_state;
ALTER TABLE ideas ADD COLUMN tags TEXT NOT NULL DEFAULT '',
    ADD COLUMN channels TEXT NOT NULL DEFAULT '',
    ADD COLUMN languages TEXT NOT NULL DEFAULT '';
UPDATE ideas SET
    tags = COALESCE((SELECT ',' || string_agg(tag, ',' ORDER BY position) || ',' FROM idea_tags t WHERE t.idea_id = ideas.id), ''),
    channels = COALESCE((SELECT ',' || string_agg(channel_id::text, ',' ORDER BY position) || ',' FROM idea_channels c WHERE c.idea_id = ideas.id), ''),
    languages = COALESCE((SELECT ',' || string_agg(language, ',' ORDER BY position) || ',' FROM idea_languages l WHERE l.idea_id = ideas.id), '');
DROP TABLE idea_languages;
DROP TABLE idea_channels;
DROP TABLE idea_tags;

-- Tags, proposed channels and languages move from delimited text (filtered with LIKE '%,x,%',
-- which no index serves) to join tables indexed by value. `position` keeps the writer's order.
CREATE TABLE idea_tags (
    idea_id BIGINT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (idea_id, tag)
);
CREATE INDEX idea_tags_tag ON idea_tags(tag, idea_id);
CREATE TABLE idea_channels (
    idea_id BIGINT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    PRIMARY KEY (idea_id, channel_id)
);
CREATE INDEX idea_channels_channel ON idea_channels(channel_id, idea_id);
CREATE TABLE idea_languages (
    idea_id BIGINT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    language TEXT NOT NULL,
    PRIMARY KEY (idea_id, language)
);
CREATE INDEX idea_languages_language ON idea_languages(language, idea_id);

-- ",a,b," → rows, in order.
INSERT OR IGNORE INTO idea_tags (idea_id, position, tag)
WITH RECURSIVE part(idea_id, position, rest, item) AS (
    SELECT id, -1, substr(tags, 2), NULL FROM ideas WHERE tags <> ''
    UNION ALL
    SELECT idea_id, position + 1, substr(rest, instr(rest, ',') + 1),
           substr(rest, 1, instr(rest, ',') - 1)
    FROM part WHERE instr(rest, ',') > 0
)
SELECT idea_id, position, item FROM part WHERE item IS NOT NULL AND item <> '';
INSERT OR IGNORE INTO idea_channels (idea_id, position, channel_id)
WITH RECURSIVE part(idea_id, position, rest, item) AS (
    SELECT id, -1, substr(channels, 2), NULL FROM ideas WHERE channels <> ''
    UNION ALL
    SELECT idea_id, position + 1, substr(rest, instr(rest, ',') + 1),
           substr(rest, 1, instr(rest, ',') - 1)
    FROM part WHERE instr(rest, ',') > 0
)
SELECT idea_id, position, CAST(item AS INTEGER) FROM part
WHERE item IS NOT NULL AND item <> '' AND CAST(item AS INTEGER) IN (SELECT id FROM channels);
INSERT OR IGNORE INTO idea_languages (idea_id, position, language)
WITH RECURSIVE part(idea_id, position, rest, item) AS (
    SELECT id, -1, substr(languages, 2), NULL FROM ideas WHERE languages <> ''
    UNION ALL
    SELECT idea_id, position + 1, substr(rest, instr(rest, ',') + 1),
           substr(rest, 1, instr(rest, ',') - 1)
    FROM part WHERE instr(rest, ',') > 0
)
SELECT idea_id, position, item FROM part WHERE item IS NOT NULL AND item <> '';

ALTER TABLE ideas DROP COLUMN tags;
ALTER TABLE ideas DROP COLUMN channels;
ALTER TABLE ideas DROP COLUMN languages;

-- The board filters by pillar and counts by state; "assigned to me" filters by assignee.
CREATE INDEX ideas_pillar_state ON ideas(pillar, state);
CREATE INDEX ideas_assignee ON ideas(assignee_id, id);

-- Full-text search over title and pitch (store::search). Diacritics are kept, as PostgreSQL's
-- 'simple' configuration keeps them, so both backends find the same ideas.
CREATE VIRTUAL TABLE ideas_fts USING fts5(
    title, pitch, content='ideas', content_rowid='id',
    tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO ideas_fts(ideas_fts) VALUES ('rebuild');
CREATE TRIGGER ideas_fts_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_fts(rowid, title, pitch) VALUES (new.id, new.title, new.pitch);
END;
CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_fts(ideas_fts, rowid, title, pitch) VALUES ('delete', old.id, old.title, old.pitch);
END;
CREATE TRIGGER ideas_fts_update AFTER UPDATE OF title, pitch ON ideas BEGIN
    INSERT INTO ideas_fts(ideas_fts, rowid, title, pitch) VALUES ('delete', old.id, old.title, old.pitch);
    INSERT INTO ideas_fts(rowid, title, pitch) VALUES (new.id, new.title, new.pitch);
END;

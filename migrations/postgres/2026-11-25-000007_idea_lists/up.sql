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
INSERT INTO idea_tags (idea_id, position, tag)
SELECT i.id, (p.n - 1)::int, p.item
FROM ideas i, unnest(string_to_array(trim(both ',' from i.tags), ',')) WITH ORDINALITY AS p(item, n)
WHERE i.tags <> '' AND p.item <> ''
ON CONFLICT DO NOTHING;
INSERT INTO idea_channels (idea_id, position, channel_id)
SELECT i.id, (p.n - 1)::int, p.item::bigint
FROM ideas i, unnest(string_to_array(trim(both ',' from i.channels), ',')) WITH ORDINALITY AS p(item, n)
WHERE i.channels <> '' AND p.item <> '' AND p.item::bigint IN (SELECT id FROM channels)
ON CONFLICT DO NOTHING;
INSERT INTO idea_languages (idea_id, position, language)
SELECT i.id, (p.n - 1)::int, p.item
FROM ideas i, unnest(string_to_array(trim(both ',' from i.languages), ',')) WITH ORDINALITY AS p(item, n)
WHERE i.languages <> '' AND p.item <> ''
ON CONFLICT DO NOTHING;

ALTER TABLE ideas DROP COLUMN tags, DROP COLUMN channels, DROP COLUMN languages;

-- The board filters by pillar and counts by state; "assigned to me" filters by assignee.
CREATE INDEX ideas_pillar_state ON ideas(pillar, state);
CREATE INDEX ideas_assignee ON ideas(assignee_id, id);

-- Full-text search over title and pitch (store::search): the expression must stay the same
-- as the query's for the index to serve it. Dots, slashes, @, colons and hyphens become spaces,
-- so the parser makes plain words of versions, hosts, addresses and paths, as FTS5 does.
CREATE INDEX ideas_search ON ideas
    USING GIN (to_tsvector('simple', translate(title || ' ' || pitch, './@:-', '     ')));

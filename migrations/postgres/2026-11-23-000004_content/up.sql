-- What an approved idea becomes: one piece, with a variant per channel and language.
CREATE TABLE content_pieces (
    id BIGSERIAL PRIMARY KEY,
    idea_id BIGINT NOT NULL UNIQUE REFERENCES ideas(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE variants (
    id BIGSERIAL PRIMARY KEY,
    content_id BIGINT NOT NULL REFERENCES content_pieces(id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL REFERENCES channels(id),
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    link TEXT NOT NULL,
    subject TEXT NOT NULL,
    preheader TEXT NOT NULL,
    images TEXT NOT NULL,
    scheduled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (content_id, channel_id, language)
);
CREATE INDEX variants_scheduled ON variants(scheduled_at);
CREATE INDEX variants_channel_slot ON variants(channel_id, scheduled_at);
-- The calendar shows wished dates of ideas not yet planned.
CREATE INDEX ideas_wished_date ON ideas(wished_date);

-- Secret calendar URLs: only a hash of the secret is kept.
CREATE TABLE calendar_feeds (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    secret_hash TEXT NOT NULL UNIQUE,
    channel_id BIGINT REFERENCES channels(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

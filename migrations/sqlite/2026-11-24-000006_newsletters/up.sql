-- People who subscribed to a newsletter channel (double opt-in). Their confirmation and
-- unsubscribe links carry a keyed digest of the id, so no token is stored.
CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    language TEXT NOT NULL,
    -- pending | confirmed | unsubscribed
    state TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    -- When the last confirmation mail went out: a public form must not mail anyone often.
    confirmation_sent_at TIMESTAMP,
    confirmed_at TIMESTAMP,
    unsubscribed_at TIMESTAMP,
    UNIQUE (channel_id, email)
);
CREATE INDEX subscribers_sending ON subscribers(channel_id, state, language, id);

-- One row per recipient of a published newsletter, written before the mail is handed to the
-- server: a send that is resumed after a crash skips everyone already here.
CREATE TABLE newsletter_deliveries (
    id INTEGER PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    subscriber_id BIGINT NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
    sent_at TIMESTAMP,
    error TEXT,
    UNIQUE (publication_id, subscriber_id)
);

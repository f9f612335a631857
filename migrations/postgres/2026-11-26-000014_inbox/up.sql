-- The inbox: mentions and replies that came in on a channel (pulled from Mastodon or pushed
-- by another system), grouped into conversations, each with an answer clock.
CREATE TABLE conversations (
    id BIGSERIAL PRIMARY KEY,
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    -- The thread: the status the messages answer (ours or theirs), per channel.
    thread_key TEXT NOT NULL,
    publication_id BIGINT REFERENCES publications(id) ON DELETE SET NULL,
    state TEXT NOT NULL,
    sentiment TEXT NOT NULL,
    sentiment_set_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    assignee_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    -- The answer clock: since the oldest message not answered yet, due then, alert at 75%.
    received_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    alerted_at TIMESTAMP,
    answered_at TIMESTAMP,
    last_message_at TIMESTAMP NOT NULL,
    idea_id BIGINT REFERENCES ideas(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (channel_id, thread_key)
);
CREATE INDEX conversations_open ON conversations(state, due_at);
-- Messages in, replies out, and the team's internal notes (kind 'in', 'out', 'note').
CREATE TABLE inbox_messages (
    id BIGSERIAL PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    -- The channel's id of the message (a status id); NULL for notes and replies not sent yet.
    external_id TEXT,
    in_reply_to TEXT,
    author TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_url TEXT,
    user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    url TEXT,
    visibility TEXT,
    sentiment TEXT,
    -- Replies: sent exactly once under this key; pending, sent, unconfirmed or failed.
    idempotency_key TEXT,
    send_state TEXT,
    error TEXT,
    -- A reply that stopped the answer clock: when the clock had started, and its due time.
    clock_from TIMESTAMP,
    clock_due TIMESTAMP,
    boosted_at TIMESTAMP,
    at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL
);
-- A message pulled twice (a repeated page, two instances) is stored once.
CREATE UNIQUE INDEX inbox_messages_external ON inbox_messages(channel_id, external_id);
CREATE INDEX inbox_messages_conversation ON inbox_messages(conversation_id, at);
-- Where each channel's pull goes on from: the newest notification id taken.
CREATE TABLE inbox_cursors (
    channel_id BIGINT PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
    since_id TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

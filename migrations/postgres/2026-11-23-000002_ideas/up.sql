-- Destinations ideas are proposed for; their configuration comes with planning.
CREATE TABLE channels (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Lists are stored delimited on both sides (",de,fr,") so one LIKE filter serves both backends.
CREATE TABLE ideas (
    id BIGSERIAL PRIMARY KEY,
    title TEXT NOT NULL,
    pitch TEXT NOT NULL,
    department_id BIGINT NOT NULL REFERENCES departments(id),
    audience TEXT NOT NULL,
    pillar TEXT NOT NULL,
    tags TEXT NOT NULL,
    channels TEXT NOT NULL,
    languages TEXT NOT NULL,
    wished_date DATE,
    links TEXT NOT NULL,
    state TEXT NOT NULL,
    version BIGINT NOT NULL,
    submitter_id BIGINT NOT NULL REFERENCES users(id),
    assignee_id BIGINT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX ideas_state ON ideas(state, id);
CREATE INDEX ideas_department ON ideas(department_id, id);
CREATE INDEX ideas_submitter ON ideas(submitter_id, id);
CREATE INDEX ideas_pillar ON ideas(pillar);

-- Append-only history: created, edited, transition, comment, assigned.
CREATE TABLE idea_events (
    id BIGSERIAL PRIMARY KEY,
    idea_id BIGINT NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
    actor_id BIGINT REFERENCES users(id),
    at TIMESTAMP NOT NULL,
    kind TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    comment TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX idea_events_idea ON idea_events(idea_id, id);

-- Mail is written here in the same transaction as its cause and sent by a background task.
CREATE TABLE mail_outbox (
    id BIGSERIAL PRIMARY KEY,
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    sent_at TIMESTAMP,
    last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(sent_at, next_attempt_at);

-- Kinds of mail a user turned off, delimited: ",comment,mention,".
ALTER TABLE users ADD COLUMN mail_off TEXT NOT NULL DEFAULT '';

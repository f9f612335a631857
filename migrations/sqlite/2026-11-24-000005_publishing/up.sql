-- Background work: one durable row per job. Workers claim due rows (SKIP LOCKED on PostgreSQL)
-- and hold them under a lease; a job whose worker died is taken up again when the lease ends.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    -- One live job per key (a publication, a periodic firing): enqueueing twice is a no-op.
    unique_key TEXT UNIQUE,
    -- queued | running | done | dead | cancelled
    state TEXT NOT NULL,
    run_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    locked_by TEXT,
    locked_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
CREATE INDEX jobs_due ON jobs(state, run_at, id);
CREATE INDEX jobs_lease ON jobs(state, locked_until);

-- One variant published (or being published) on its channel. The idempotency key is made once
-- and sent with every attempt, so a retry can be recognised by the receiver.
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    variant_id BIGINT NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL REFERENCES channels(id),
    -- pending | publishing | published | failed | unconfirmed
    state TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    scheduled_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_retry_at TIMESTAMP,
    external_id TEXT,
    url TEXT,
    last_error TEXT,
    published_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (variant_id, channel_id)
);
CREATE INDEX publications_channel ON publications(channel_id, state, published_at);
CREATE INDEX publications_state ON publications(state, id);

-- Every attempt, for the editors' view and for the record.
CREATE TABLE publication_attempts (
    id INTEGER PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    -- published | retry | failed | unconfirmed
    outcome TEXT NOT NULL,
    http_status INTEGER,
    error TEXT,
    duration_ms BIGINT NOT NULL
);
CREATE INDEX publication_attempts_publication ON publication_attempts(publication_id, id);

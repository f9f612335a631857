-- Targets editors set for a channel or a department and a month: publications, people's
-- clicks or engagement. The insights page shows progress and what is behind.
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    scope_id BIGINT NOT NULL,
    metric TEXT NOT NULL,
    month DATE NOT NULL,
    amount BIGINT NOT NULL,
    created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (scope, scope_id, metric, month)
);
-- The insights period and a person's latest results walk publications by when they went out.
CREATE INDEX publications_published ON publications(state, published_at);
-- The insights funnel counts hand-ins and approvals of a period.
CREATE INDEX idea_events_step ON idea_events(to_state, at);
-- A person's published ideas, the newest first, for their start page.
CREATE INDEX ideas_submitter_state ON ideas(submitter_id, state, id);

-- A channel's own counts of a publication over time (Mastodon's favourites, boosts and
-- replies), one row per count and reading.
CREATE TABLE publication_metrics (
    id BIGSERIAL PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    name TEXT NOT NULL,
    value BIGINT NOT NULL
);
-- One value per name and time: a pushed reading sent twice is stored once.
CREATE UNIQUE INDEX publication_metrics_reading ON publication_metrics(publication_id, at, name);

-- Tracked links: each link of a published variant becomes /l/{code}, which redirects to the
-- target with UTM parameters. One code per (publication, link as written), so a retried
-- publication keeps its codes.
CREATE TABLE tracked_links (
    id BIGSERIAL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    publication_id BIGINT NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (publication_id, url)
);
-- One row per click. No address is kept: visitor is a hash of address and browser under the
-- day's salt (NULL for bots), and the salt is forgotten after its day.
CREATE TABLE link_clicks (
    id BIGSERIAL PRIMARY KEY,
    link_id BIGINT NOT NULL REFERENCES tracked_links(id) ON DELETE CASCADE,
    clicked_at TIMESTAMP NOT NULL,
    bot BOOLEAN NOT NULL,
    visitor TEXT
);
CREATE INDEX link_clicks_link ON link_clicks(link_id, clicked_at);
CREATE TABLE visitor_salts (
    day DATE PRIMARY KEY,
    salt TEXT NOT NULL
);

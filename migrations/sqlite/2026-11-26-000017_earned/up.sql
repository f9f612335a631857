-- What each publication earned, kept up to date as clicks are written and counts are read,
-- so that a year of insights adds up two columns instead of re-reading every click and
-- every reading of every post.
ALTER TABLE publications ADD COLUMN clicks BIGINT NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN engagement BIGINT NOT NULL DEFAULT 0;
UPDATE publications SET clicks = (
  SELECT count(*) FROM link_clicks lc JOIN tracked_links tl ON tl.id = lc.link_id
  WHERE tl.publication_id = publications.id AND lc.bot = 0
);
-- Engagement: the last reading of each of the channel's counts, added up.
UPDATE publications SET engagement = COALESCE((
  SELECT sum(m.value) FROM publication_metrics m
  WHERE m.publication_id = publications.id
    AND m.at = (SELECT max(m2.at) FROM publication_metrics m2
                WHERE m2.publication_id = m.publication_id AND m2.name = m.name)
), 0);

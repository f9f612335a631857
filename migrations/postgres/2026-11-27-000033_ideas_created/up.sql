-- Ideas by when they were handed in, for the list's "submitted from/to" filters. Without it a
-- range that holds few ideas or none (from next year, to before the first idea) walked every
-- idea in id order: 16 ms at 100k ideas, 0.04 ms with it. The planner's statistics of the
-- column keep the walk in id order for a range that holds most ideas.
CREATE INDEX ideas_created ON ideas (created_at);

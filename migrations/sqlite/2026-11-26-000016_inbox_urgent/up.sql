-- The inbox's order (due first, then the negative, then the oldest) read straight from an
-- index: with many conversations due at the same moment the list sorted all of them.
CREATE INDEX conversations_urgent ON conversations (
  state, due_at, (CASE sentiment WHEN 'negative' THEN 0 WHEN 'neutral' THEN 1 ELSE 2 END), id
);

-- Insights' answer times read the replies sent in a period; without this the whole message
-- table (every reader's message too) was read on each insights page.
CREATE INDEX inbox_messages_kind_at ON inbox_messages (kind, at);

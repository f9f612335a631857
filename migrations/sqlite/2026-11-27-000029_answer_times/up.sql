-- Insights' answer times read the replies sent in a period; without this the whole message
-- table (every reader's message too) was read on each insights page. Partial, for replies
-- only: an index on (kind, at) also served "a conversation's latest incoming message" in the
-- inbox's order, and SQLite, with statistics older than the messages, walked every incoming
-- message for each of a hundred conversations (the inbox went from 3,000 to 450 req/s).
CREATE INDEX inbox_messages_answers ON inbox_messages (at) WHERE kind = 'out';

DROP TRIGGER conversation_counts_update ON conversations;
DROP TRIGGER conversation_counts_insert ON conversations;
DROP FUNCTION count_conversations();
DROP TABLE conversation_counts;

DROP TRIGGER conversation_counts_update;
DROP TRIGGER conversation_counts_delete;
DROP TRIGGER conversation_counts_insert;
DROP TABLE conversation_counts;

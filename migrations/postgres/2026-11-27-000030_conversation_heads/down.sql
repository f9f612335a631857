DROP TRIGGER inbox_messages_head_insert ON inbox_messages;
DROP TRIGGER inbox_messages_head_update ON inbox_messages;
DROP TRIGGER inbox_messages_head_delete ON inbox_messages;
DROP FUNCTION conversation_head_changed();
DROP FUNCTION conversation_head(BIGINT);
ALTER TABLE conversations DROP COLUMN head_author;
ALTER TABLE conversations DROP COLUMN head_author_name;
ALTER TABLE conversations DROP COLUMN head_text;
ALTER TABLE conversations DROP COLUMN incoming;

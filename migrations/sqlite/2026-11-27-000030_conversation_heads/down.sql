DROP TRIGGER inbox_messages_head_insert;
DROP TRIGGER inbox_messages_head_update_old;
DROP TRIGGER inbox_messages_head_update_new;
DROP TRIGGER inbox_messages_head_delete;
ALTER TABLE conversations DROP COLUMN head_author;
ALTER TABLE conversations DROP COLUMN head_author_name;
ALTER TABLE conversations DROP COLUMN head_text;
ALTER TABLE conversations DROP COLUMN incoming;

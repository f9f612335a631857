DROP INDEX inbox_messages_kind_at;

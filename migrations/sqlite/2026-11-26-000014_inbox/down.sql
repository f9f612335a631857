DROP TABLE inbox_cursors;
DROP TABLE inbox_messages;
DROP TABLE conversations;

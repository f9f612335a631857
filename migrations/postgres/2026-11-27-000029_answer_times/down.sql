DROP INDEX inbox_messages_answers;

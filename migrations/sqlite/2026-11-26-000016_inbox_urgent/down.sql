DROP INDEX conversations_urgent;

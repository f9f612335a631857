DROP INDEX ideas_created;

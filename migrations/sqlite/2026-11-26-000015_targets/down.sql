DROP INDEX publications_published;
DROP TABLE targets;

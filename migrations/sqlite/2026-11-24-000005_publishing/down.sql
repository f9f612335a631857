DROP TABLE publication_attempts;
DROP TABLE publications;
DROP TABLE jobs;

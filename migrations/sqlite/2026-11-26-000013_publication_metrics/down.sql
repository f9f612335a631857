DROP TABLE publication_metrics;

DROP TABLE newsletter_deliveries;
DROP TABLE subscribers;

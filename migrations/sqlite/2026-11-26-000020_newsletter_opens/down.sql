ALTER TABLE newsletter_deliveries DROP COLUMN opens;
ALTER TABLE newsletter_deliveries DROP COLUMN opened_at;

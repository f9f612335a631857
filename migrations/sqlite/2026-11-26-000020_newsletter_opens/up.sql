-- Opens of a newsletter mail, counted only for channels where an admin turned it on: when the
-- recipient's mail client first loaded the mail's image, and how often.
ALTER TABLE newsletter_deliveries ADD COLUMN opened_at TIMESTAMP;
ALTER TABLE newsletter_deliveries ADD COLUMN opens INTEGER NOT NULL DEFAULT 0;

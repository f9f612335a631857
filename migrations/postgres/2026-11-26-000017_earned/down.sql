ALTER TABLE publications DROP COLUMN clicks;
ALTER TABLE publications DROP COLUMN engagement;

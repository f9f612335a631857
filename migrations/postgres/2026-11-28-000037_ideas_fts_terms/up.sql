-- Nothing to add on PostgreSQL: its search reads the stored words of migration 000032.
-- Kept so both backends count the same migrations.
SELECT 1;

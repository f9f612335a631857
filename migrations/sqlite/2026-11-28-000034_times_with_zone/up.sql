-- Nothing on SQLite: it has no time zone type; times are UTC text (see the PostgreSQL side).
SELECT 1;

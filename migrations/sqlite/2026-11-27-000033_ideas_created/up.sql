-- Nothing on SQLite: without statistics of a column's values its planner keeps walking ideas
-- in id order for a page, index or not (checked on 100k seeded ideas). Kept so both backends
-- count the same migrations.
SELECT 1;

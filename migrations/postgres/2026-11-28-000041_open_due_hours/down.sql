DROP TRIGGER open_due_hours_update ON conversations;
DROP TRIGGER open_due_hours_change ON conversations;
DROP FUNCTION count_open_due_hours();
DROP TABLE open_due_hours;
DROP FUNCTION due_hour(TIMESTAMPTZ);

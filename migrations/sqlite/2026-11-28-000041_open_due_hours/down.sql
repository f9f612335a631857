DROP TRIGGER open_due_hours_update;
DROP TRIGGER open_due_hours_delete;
DROP TRIGGER open_due_hours_insert;
DROP TABLE open_due_hours;

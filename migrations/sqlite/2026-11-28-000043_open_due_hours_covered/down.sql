DROP INDEX open_due_hours_counted;

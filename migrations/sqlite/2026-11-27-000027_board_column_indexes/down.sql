DROP INDEX ideas_assignee_state;
DROP INDEX ideas_department_state;

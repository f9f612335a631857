DROP INDEX ideas_assignee_state;
DROP INDEX ideas_department_state;
DROP INDEX ideas_pillar_state;
CREATE INDEX ideas_pillar_state ON ideas(pillar, state);

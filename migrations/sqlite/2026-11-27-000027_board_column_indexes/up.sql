-- The board filtered by department or assignee reads each column's first cards from one of
-- these (an index's entries end with the rowid, the idea's id, so they come in id order, as
-- ideas_pillar_state's do already).
CREATE INDEX ideas_department_state ON ideas(department_id, state);
CREATE INDEX ideas_assignee_state ON ideas(assignee_id, state);

-- One partial index per state that is looked up, each named by its queries as a literal: a
-- claim walks the queued jobs in the order they fall due and stops after a batch, whatever
-- the planner's statistics say after a burst, and finished jobs (a week of them) sit in no
-- index but the keys.
DROP INDEX jobs_due;
DROP INDEX jobs_lease;
CREATE INDEX jobs_queued ON jobs(run_at, id) WHERE state = 'queued';
CREATE INDEX jobs_running ON jobs(locked_until) WHERE state = 'running';
CREATE INDEX jobs_dead ON jobs(run_at, id) WHERE state = 'dead';

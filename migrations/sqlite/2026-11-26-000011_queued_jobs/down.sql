DROP INDEX jobs_queued;
DROP INDEX jobs_running;
DROP INDEX jobs_dead;
CREATE INDEX jobs_due ON jobs(state, run_at, id);
CREATE INDEX jobs_lease ON jobs(state, locked_until);

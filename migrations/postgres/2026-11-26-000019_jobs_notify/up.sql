-- New jobs wake the workers of every instance (LISTEN pressroom_jobs) from the server itself:
-- the trigger fires for each job inserted (none for a unique key already queued), instead of
-- a NOTIFY round trip after each enqueue. Repeats within one transaction are folded into one
-- notification by the server, delivered when it commits.
CREATE FUNCTION pressroom_jobs_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('pressroom_jobs', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER jobs_notify AFTER INSERT ON jobs
  FOR EACH ROW EXECUTE FUNCTION pressroom_jobs_notify();

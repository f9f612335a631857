DROP TRIGGER jobs_notify ON jobs;
DROP FUNCTION pressroom_jobs_notify();

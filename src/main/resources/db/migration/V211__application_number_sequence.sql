-- Application numbers from a PostgreSQL sequence instead of a counter row per region and day: every create
-- took that row's lock until its transaction committed, so all submissions of a province queued on one row
-- (the benchmark showed nearly every busy connection waiting on it). A sequence hands out numbers without a
-- lock. It does not restart at midnight; the number keeps its date, so two numbers could only meet if one
-- day saw 10^8 applications. It starts past every number the counter rows gave out.
CREATE SEQUENCE application_number_seq;
SELECT setval('application_number_seq', COALESCE((SELECT max(last_value) FROM application_sequence), 0) + 1, false);
DROP TABLE application_sequence;

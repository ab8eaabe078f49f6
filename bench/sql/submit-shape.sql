-- pgbench script: the statements one submission sends (the submit call with the signed commitment, as
-- counted from Hibernate's SQL log on 2026-11-23), against tables of the benchmark's own with small rows,
-- in one transaction. No application runs: this is the most the database can do with a submission's
-- statement mix, to read next to the one-row-insert ceiling the submit target is stated against.
\set row random(1, 100000)
\set other random(1, 100000)
\set key random(1, 2000000000)
BEGIN;
-- the Idempotency-Key
INSERT INTO bench.shape_key (scope, idem_key, request_hash) VALUES ('submit', CAST(:key AS text), 'hash') ON CONFLICT DO NOTHING;
-- the draft, locked; the resident; the item; the materials supplied
SELECT payload FROM bench.shape_row WHERE id = :row FOR UPDATE;
SELECT payload FROM bench.shape_row WHERE id = :other;
SELECT payload FROM bench.shape_row WHERE id = (:other % 1000) + 1;
SELECT id, payload FROM bench.shape_log WHERE ref = :row;
-- the answer kept for a retry
UPDATE bench.shape_key SET response = repeat('r', 1500) WHERE scope = 'submit' AND idem_key = CAST(:key AS text);
-- five required materials covered by the commitment
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'material 1');
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'material 2');
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'material 3');
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'material 4');
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'material 5');
-- the timeline (submitted; the instant-approval check) and the inbox message
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'event SUBMITTED');
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'message');
INSERT INTO bench.shape_log (ref, payload) VALUES (:row, 'event INSTANT_REVIEW');
-- the application row
UPDATE bench.shape_row SET payload = 'submitted' WHERE id = :row;
END;

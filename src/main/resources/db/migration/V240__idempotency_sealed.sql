-- Replay records keep no secret and no personal data in clear (issue 10 point 9): the answer is sealed with
-- SM4-GCM (bytea) and the request fingerprint is a keyed HMAC-SM3. Records written before hold a plain answer
-- and an unkeyed hash; they live 24 hours at most and cannot be matched by the new fingerprint, so they go now.
DELETE FROM idempotency_record;
ALTER TABLE idempotency_record ALTER COLUMN response TYPE bytea USING NULL::bytea;

-- 亮证核验 (issue 12): the server recognises a token it issued by the SHA-256 of its text, kept with the presentation
-- (the digest reveals nothing of the disclosed values without the token; the token itself is still not kept). A
-- verification that brings the same token needs no SM2 check of the service's own signature (the most expensive step
-- of the public operation); offline verifiers check the signature as before. Presentations made before this column
-- have none and are verified by their signature (PresentationVerifier); they live five minutes at most.
ALTER TABLE wallet_presentation ADD COLUMN token_digest bytea;

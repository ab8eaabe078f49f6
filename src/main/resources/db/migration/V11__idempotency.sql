-- One Idempotency-Key creates at most one thing (DESIGN.md §6). The primary key is what makes concurrent
-- retries wait for the first one and then answer with its response.
CREATE TABLE idempotency_record (
    scope        text        NOT NULL,
    idem_key     text        NOT NULL,
    request_hash bytea       NOT NULL,
    response     text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);

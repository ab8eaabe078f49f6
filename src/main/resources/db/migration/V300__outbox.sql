-- Case events (issue 11): whatever happens to a case is written here in the same transaction as the change
-- (the Debezium outbox shape), and a relay hands it to every consumer at least once, in order per aggregate.
CREATE SEQUENCE outbox_event_seq;

CREATE TABLE outbox_event (
    id             uuid        PRIMARY KEY,
    -- Commit order per aggregate: every writer holds the aggregate's row lock while it takes a number.
    seq            bigint      NOT NULL UNIQUE DEFAULT nextval('outbox_event_seq'),
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    type           text        NOT NULL,
    payload        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_event_created_at ON outbox_event (created_at);

-- One row per event and consumer: what the relay still owes, and the processed-events record that makes
-- each consumer idempotent (DONE is written in the same transaction as the consumer's own writes).
CREATE TABLE outbox_delivery (
    event_id        uuid        NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
    consumer        text        NOT NULL,
    event_seq       bigint      NOT NULL,
    aggregate_key   text        NOT NULL,
    state           text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DONE', 'DEAD')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
-- The relay's two questions: what is due, and is an earlier event of the same aggregate still owed.
CREATE INDEX outbox_delivery_due ON outbox_delivery (event_seq) WHERE state = 'PENDING';
CREATE INDEX outbox_delivery_order ON outbox_delivery (consumer, aggregate_key, event_seq) WHERE state = 'PENDING';
CREATE INDEX outbox_delivery_dead ON outbox_delivery (updated_at) WHERE state = 'DEAD';

-- Government live streams (政务直播, issue 13): the department's schedule, residents' subscriptions (one inbox message
-- each when the stream goes live), and questions with one vote per resident. Viewer figures live in Redis; the
-- unique count is copied here when a stream ends, so Redis is never the only copy of it.
CREATE TABLE live_stream (
    id               uuid PRIMARY KEY,
    department_code  text NOT NULL,
    title            text NOT NULL,
    description      text,
    topic_item_codes text NOT NULL DEFAULT '',
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    state            text NOT NULL,
    play_url         text NOT NULL,
    replay_url       text,
    started_at       timestamptz,
    ended_at         timestamptz,
    unique_viewers   bigint,
    created_by       uuid NOT NULL,
    created_at       timestamptz NOT NULL,
    version          bigint NOT NULL DEFAULT 1,
    CONSTRAINT live_stream_state CHECK (state IN ('SCHEDULED', 'LIVE', 'ENDED')),
    CONSTRAINT live_stream_span CHECK (ends_at > starts_at)
);
CREATE INDEX live_stream_schedule ON live_stream (state, starts_at);
CREATE INDEX live_stream_department ON live_stream (department_code, starts_at DESC, id DESC);

-- notified_at is set in the transaction that writes the subscriber's message event: one message per subscriber.
CREATE TABLE live_subscription (
    stream_id     uuid NOT NULL REFERENCES live_stream (id),
    resident_id   uuid NOT NULL,
    subscribed_at timestamptz NOT NULL,
    notified_at   timestamptz,
    PRIMARY KEY (stream_id, resident_id)
);

CREATE TABLE live_question (
    id              uuid PRIMARY KEY,
    stream_id       uuid NOT NULL REFERENCES live_stream (id),
    department_code text NOT NULL,
    resident_id     uuid NOT NULL,
    text            text NOT NULL,
    state           text NOT NULL,
    hide_reason     text,
    votes           integer NOT NULL DEFAULT 0,
    answer          text,
    answered_at     timestamptz,
    answered_by     uuid,
    moderated_at    timestamptz,
    moderated_by    uuid,
    asked_at        timestamptz NOT NULL,
    CONSTRAINT live_question_state CHECK (state IN ('PENDING', 'PUBLISHED', 'HIDDEN'))
);
CREATE INDEX live_question_ranking ON live_question (stream_id, votes DESC, asked_at, id) WHERE state = 'PUBLISHED';
CREATE INDEX live_question_author ON live_question (stream_id, resident_id);
CREATE INDEX live_question_queue ON live_question (stream_id, asked_at, id);

-- The primary key is the last word on "one vote per resident per question".
CREATE TABLE live_question_vote (
    question_id uuid NOT NULL REFERENCES live_question (id),
    resident_id uuid NOT NULL,
    voted_at    timestamptz NOT NULL,
    PRIMARY KEY (question_id, resident_id)
);

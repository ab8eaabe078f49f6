-- The case timeline (issue 11): a read model fed by the events of every feature (the case's own changes, and later its
-- appointment, video session, delivery and rating), plus the notes its department's staff keep on it. Texts are not
-- stored: each entry keeps its kind and the arguments of its text, worded in the reader's language when read.
CREATE TABLE case_timeline_entry (
    -- Written in delivery order, so it breaks ties of `at` the way the events happened.
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_no text        NOT NULL,
    -- The feature (aggregate type) whose event it is, `staff-note` for a note; with event_id, what makes a replay a no-op.
    source         text        NOT NULL,
    event_id       uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    at             timestamptz NOT NULL,
    actor_kind     text        NOT NULL CHECK (actor_kind IN ('RESIDENT', 'STAFF', 'SYSTEM')),
    actor_id       text,
    actor_display  text        NOT NULL,
    from_state     text,
    to_state       text,
    note           text,
    -- The text's arguments, {"args": [...]}.
    params         jsonb       NOT NULL DEFAULT '{"args": []}',
    visibility     text        NOT NULL CHECK (visibility IN ('RESIDENT', 'STAFF')),
    UNIQUE (source, event_id)
);
CREATE INDEX case_timeline_entry_case ON case_timeline_entry (application_no, at, id);

-- Old cases keep their history: what the case's own history holds today, in its order. Events written from now on
-- reach the timeline through the outbox (its consumer did not exist when older events were written, so none is
-- delivered twice).
INSERT INTO case_timeline_entry (application_no, source, event_id, kind, at, actor_kind, actor_id, actor_display, from_state,
                                 to_state, note, visibility)
SELECT a.application_no, 'application', e.id, e.type, e.at, e.actor_kind, e.actor_id, e.actor_display, e.from_state, e.to_state,
       e.note, 'RESIDENT'
FROM application_event e
JOIN application a ON a.id = e.application_id
ORDER BY e.at, e.id;

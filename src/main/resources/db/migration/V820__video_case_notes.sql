-- Case notes of the agent console (issue 13): what the department's agents wrote about a video appointment, the note
-- written when the session finished carrying its outcome. The text may name the resident's affairs, so it is kept
-- encrypted (SM4-GCM) like the appointment's description. Never shown to the resident.
CREATE TABLE video_case_note (
    id               uuid        PRIMARY KEY,
    appointment_id   uuid        NOT NULL REFERENCES video_appointment (id),
    department_code  text        NOT NULL,
    author_staff_id  uuid        NOT NULL,
    author_name      text        NOT NULL,
    outcome          text        CHECK (outcome IN ('RESOLVED', 'FOLLOW_UP', 'REFERRED_OFFLINE')),
    text_enc         bytea       NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX video_case_note_appointment ON video_case_note (appointment_id, created_at);

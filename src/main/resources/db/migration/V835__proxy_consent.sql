-- 帮代办 (issue 13): an agent's consent to act for a resident, asked after a video session, and who filed an
-- application. A consent names its items and actions (comma-separated codes, few and short) and ends at
-- expires_at at the latest; ACTIVE past expires_at reads as EXPIRED (checked on every call, no job needed).
CREATE TABLE proxy_consent (
    id              uuid        PRIMARY KEY,
    appointment_id  uuid        NOT NULL REFERENCES video_appointment (id),
    resident_id     uuid        NOT NULL,
    agent_staff_id  uuid        NOT NULL,
    agent_name      text        NOT NULL,
    department_code text        NOT NULL,
    item_codes      text        NOT NULL,
    actions         text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('REQUESTED', 'ACTIVE', 'REFUSED', 'WITHDRAWN', 'REVOKED', 'EXPIRED')),
    expires_at      timestamptz NOT NULL,
    requested_at    timestamptz NOT NULL,
    decided_at      timestamptz,
    ended_at        timestamptz,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX proxy_consent_resident ON proxy_consent (resident_id, requested_at DESC);

-- The agent's name as the application shows it (filed_by/filed_by_staff_id exist since V200), and a draft the
-- agent asked the resident to confirm before it is submitted.
ALTER TABLE application ADD COLUMN filed_by_staff_name text;
ALTER TABLE application ADD COLUMN proxy_confirmation_requested_at timestamptz;

-- Applications (办件, DESIGN.md §5): the case, its timeline, its materials, the numbering counter and the
-- resident's inbox. Everything a resident submitted lives here, durably, in the same transaction as the
-- state change it belongs to. Distribution key for a later Citus split: resident_id (application,
-- resident_message) and application_id (the child tables, co-located through the application).

CREATE TABLE application (
    id                      uuid PRIMARY KEY,
    application_no          text        NOT NULL UNIQUE,
    resident_id             uuid        NOT NULL REFERENCES resident (id),
    item_code               text        NOT NULL REFERENCES catalog_item (code),
    -- The item's name as applied for: lists and messages need no catalogue join, and a renamed item keeps old cases' names.
    item_name               text        NOT NULL,
    -- 一件事: the parent application of a bundle; its children point at it (null for a single item).
    parent_id               uuid        REFERENCES application (id),
    bundle_code             text,
    department_code         text        NOT NULL,
    state                   text        NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'ACCEPTED', 'SUPPLEMENT_REQUIRED',
                                            'SUSPENDED', 'APPROVED', 'REJECTED', 'NOT_ACCEPTED', 'WITHDRAWN', 'CLOSED_TIMEOUT')),
    form_data               jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- 告知承诺: which commitment text was signed, and when.
    commitment_text_version text,
    commitment_signed_at    timestamptz,
    submitted_at            timestamptz,
    accepted_at             timestamptz,
    due_date                date,
    -- The clock stops in SUPPLEMENT_REQUIRED and SUSPENDED: the day it stopped (null while running) and the
    -- working days it stood still so far (already added to due_date).
    clock_stopped_on        date,
    stopped_working_days    integer     NOT NULL DEFAULT 0,
    -- 补正: the state to return to, what is missing (JSON array of text), the note and the deadline.
    resume_state            text,
    supplement_missing      text,
    supplement_note         text,
    supplement_deadline     date,
    supplement_requested_at timestamptz,
    decided_at              timestamptz,
    -- RESIDENT, or AGENT (帮代办) with the agent's staff id.
    filed_by                text        NOT NULL DEFAULT 'RESIDENT' CHECK (filed_by IN ('RESIDENT', 'AGENT')),
    filed_by_staff_id       uuid,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 bigint      NOT NULL DEFAULT 0
);
-- "My applications" (newest first, optionally by state) and the staff worklist (department, state, due date).
CREATE INDEX application_mine ON application (resident_id, created_at DESC, id DESC);
CREATE INDEX application_mine_state ON application (resident_id, state, created_at DESC, id DESC);
CREATE INDEX application_worklist ON application (department_code, state, due_date, id);
CREATE INDEX application_children ON application (parent_id) WHERE parent_id IS NOT NULL;
-- The timeout job (补正超时) finds cases whose supplement deadline passed.
CREATE INDEX application_supplement_deadline ON application (supplement_deadline) WHERE state = 'SUPPLEMENT_REQUIRED';

CREATE TABLE application_event (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    at             timestamptz NOT NULL,
    actor_kind     text        NOT NULL CHECK (actor_kind IN ('RESIDENT', 'STAFF', 'SYSTEM')),
    actor_id       text,
    actor_display  text        NOT NULL,
    from_state     text,
    to_state       text,
    type           text        NOT NULL,
    note           text
);
CREATE INDEX application_event_timeline ON application_event (application_id, at, id);

CREATE TABLE application_material (
    id             uuid PRIMARY KEY,
    application_id uuid        NOT NULL REFERENCES application (id),
    name           text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('UPLOAD', 'CERTIFICATE', 'PROFILE', 'TOLERATED', 'COMMITMENT')),
    file_name      text,
    content_type   text        CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     bigint,
    sha256         bytea,
    certificate_id text,
    supplied_at    timestamptz NOT NULL,
    -- 容缺: the last day to supply a material tolerated as missing.
    supply_by      date,
    CHECK (kind <> 'UPLOAD' OR (sha256 IS NOT NULL AND content_type IS NOT NULL))
);
-- One material per name: a new upload replaces the earlier one.
CREATE UNIQUE INDEX application_material_name ON application_material (application_id, name);

-- The bytes of an uploaded material, apart so that listing materials never reads files. In PostgreSQL and in
-- the same transaction as the application: durable, with no second store to fall out of step with.
CREATE TABLE application_material_file (
    material_id uuid  PRIMARY KEY REFERENCES application_material (id) ON DELETE CASCADE,
    content     bytea NOT NULL
);

-- Numbering {region}{yyyyMMdd}{8-digit sequence}: one counter row per region and day, bumped with
-- INSERT ... ON CONFLICT DO UPDATE ... RETURNING, so concurrent creates queue on the row and never share a number.
CREATE TABLE application_sequence (
    region_code text    NOT NULL,
    day         date    NOT NULL,
    last_value  integer NOT NULL,
    PRIMARY KEY (region_code, day)
);

-- The resident's inbox: one message per state change of their applications.
CREATE TABLE resident_message (
    id             uuid PRIMARY KEY,
    resident_id    uuid        NOT NULL REFERENCES resident (id),
    application_id uuid        REFERENCES application (id),
    application_no text,
    state          text,
    item_name      text,
    note           text,
    created_at     timestamptz NOT NULL,
    read_at        timestamptz
);
CREATE INDEX resident_message_inbox ON resident_message (resident_id, created_at DESC, id DESC);
CREATE INDEX resident_message_unread ON resident_message (resident_id, created_at DESC, id DESC) WHERE read_at IS NULL;

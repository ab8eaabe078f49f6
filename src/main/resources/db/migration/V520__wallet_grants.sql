-- 授权用证 (issue 12): relying parties registered by administrators, their requests to use a resident's certificate,
-- the grants residents give, complaints about uses residents do not recognise, and which certificate an application
-- material was submitted as.

-- Relying parties sign in with client credentials: their tokens belong to a session like anyone's, so deactivating a
-- party or rotating its secret ends its live tokens through the same deny-list (DESIGN.md §7).
ALTER TABLE auth_session DROP CONSTRAINT IF EXISTS auth_session_subject_type_check;
ALTER TABLE auth_session ADD CONSTRAINT auth_session_subject_type_check
    CHECK (subject_type IN ('RESIDENT', 'STAFF', 'RELYING_PARTY'));
ALTER TABLE auth_session DROP CONSTRAINT IF EXISTS auth_session_client_check;
ALTER TABLE auth_session ADD CONSTRAINT auth_session_client_check
    CHECK (client IN ('APP', 'MINI_PROGRAM', 'STAFF_CONSOLE', 'RELYING_PARTY'));

CREATE TABLE wallet_relying_party (
    id          uuid        PRIMARY KEY,
    code        text        NOT NULL UNIQUE,
    name        text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('DEPARTMENT', 'BANK', 'HOSPITAL', 'OTHER')),
    contact     text        NOT NULL,
    client_id   text        NOT NULL UNIQUE,
    -- SHA-256 of the client secret (256 random bits: a slow hash adds nothing); the secret itself is shown once.
    secret_hash bytea       NOT NULL,
    active      boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    version     integer     NOT NULL DEFAULT 0
);
CREATE INDEX wallet_relying_party_created ON wallet_relying_party (created_at DESC, id DESC);

-- A party's request. holder_id and certificate_id stay null when nobody holds such a certificate: the request is
-- kept and expires unanswered like any other, so the party cannot tell.
CREATE TABLE wallet_grant_request (
    id               uuid        PRIMARY KEY,
    party_id         uuid        NOT NULL REFERENCES wallet_relying_party (id),
    holder_id        uuid,
    certificate_id   uuid        REFERENCES wallet_certificate (id),
    certificate_type text        NOT NULL,
    certificate_name text,
    purpose          text        NOT NULL,
    -- JSON array of field labels (text: the reactive driver maps jsonb arrays poorly).
    fields           text        NOT NULL,
    days             integer     NOT NULL CHECK (days BETWEEN 1 AND 365),
    max_uses         integer     NOT NULL CHECK (max_uses BETWEEN 1 AND 100),
    state            text        NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REFUSED')),
    answer_by        timestamptz NOT NULL,
    answered_at      timestamptz,
    created_at       timestamptz NOT NULL,
    version          integer     NOT NULL DEFAULT 0
);
CREATE INDEX wallet_grant_request_party ON wallet_grant_request (party_id, created_at DESC, id DESC);
CREATE INDEX wallet_grant_request_holder ON wallet_grant_request (holder_id, created_at DESC, id DESC) WHERE holder_id IS NOT NULL;

CREATE TABLE wallet_grant (
    id             uuid        PRIMARY KEY,
    request_id     uuid        NOT NULL UNIQUE REFERENCES wallet_grant_request (id),
    party_id       uuid        NOT NULL REFERENCES wallet_relying_party (id),
    holder_id      uuid        NOT NULL,
    certificate_id uuid        NOT NULL REFERENCES wallet_certificate (id),
    certificate_name text      NOT NULL,
    purpose        text        NOT NULL,
    fields         text        NOT NULL,
    expires_at     timestamptz NOT NULL,
    max_uses       integer     NOT NULL,
    uses           integer     NOT NULL DEFAULT 0 CHECK (uses <= max_uses),
    revoked_at     timestamptz,
    created_at     timestamptz NOT NULL,
    version        integer     NOT NULL DEFAULT 0
);
CREATE INDEX wallet_grant_holder ON wallet_grant (holder_id, created_at DESC, id DESC);

-- The ledger now names relying parties too (by code and name) and the grant a use went through. The channel and party
-- kind lists are checked by the application's enums from here on (other slices of the wallet add channels of their own).
ALTER TABLE wallet_certificate_use DROP CONSTRAINT IF EXISTS wallet_certificate_use_party_kind_check;
ALTER TABLE wallet_certificate_use DROP CONSTRAINT IF EXISTS wallet_certificate_use_channel_check;
ALTER TABLE wallet_certificate_use ADD COLUMN party_name text;
ALTER TABLE wallet_certificate_use ADD COLUMN grant_id uuid REFERENCES wallet_grant (id);

-- A resident's complaint about a ledger line (the line itself never changes): one per line.
CREATE TABLE wallet_usage_complaint (
    id         uuid        PRIMARY KEY,
    usage_id   uuid        NOT NULL UNIQUE REFERENCES wallet_certificate_use (id),
    holder_id  uuid        NOT NULL,
    reason     text        NOT NULL,
    state      text        NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    created_at timestamptz NOT NULL,
    closed_at  timestamptz,
    closed_by  text,
    close_note text,
    version    integer     NOT NULL DEFAULT 0
);
CREATE INDEX wallet_usage_complaint_created ON wallet_usage_complaint (created_at DESC, id DESC);

-- Which certificate a material was submitted as: its 电子证照标识, which names its version.
ALTER TABLE application_material ADD COLUMN certificate_identifier text;

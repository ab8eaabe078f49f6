-- Residents, their channel accounts and addresses; staff; login sessions and refresh tokens.
-- Personal data columns (*_enc) hold SM4-GCM ciphertext; *_idx hold HMAC-SM3 blind indexes for lookup.

CREATE TABLE resident (
    id              uuid PRIMARY KEY,
    phone_enc       bytea       NOT NULL,
    phone_idx       bytea       NOT NULL UNIQUE,
    name_enc        bytea,
    id_number_enc   bytea,
    id_number_idx   bytea UNIQUE,
    level           text        NOT NULL CHECK (level IN ('L0', 'L1', 'L2', 'L3')),
    nickname        text,
    language        text        NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
    password_hash   text,
    verified_at     timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         integer     NOT NULL DEFAULT 0
);

-- One resident across app, WeChat and Alipay: a channel account points at the resident it was linked to.
CREATE TABLE resident_channel (
    platform    text        NOT NULL CHECK (platform IN ('WECHAT', 'ALIPAY')),
    open_id     text        NOT NULL,
    resident_id uuid        NOT NULL REFERENCES resident (id),
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (platform, open_id)
);
CREATE INDEX resident_channel_resident ON resident_channel (resident_id);

CREATE TABLE resident_address (
    id            uuid PRIMARY KEY,
    resident_id   uuid        NOT NULL REFERENCES resident (id),
    recipient_enc bytea       NOT NULL,
    phone_enc     bytea       NOT NULL,
    region_code   text        NOT NULL,
    detail_enc    bytea       NOT NULL,
    is_default    boolean     NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX resident_address_owner ON resident_address (resident_id, created_at DESC);
CREATE UNIQUE INDEX resident_address_one_default ON resident_address (resident_id) WHERE is_default;

CREATE TABLE staff_user (
    id              uuid PRIMARY KEY,
    username        text        NOT NULL UNIQUE,
    display_name    text        NOT NULL,
    department_code text        NOT NULL,
    roles           text[]      NOT NULL,
    password_hash   text        NOT NULL,
    totp_secret_enc bytea       NOT NULL,
    last_totp_step  bigint      NOT NULL DEFAULT 0,
    failed_logins   integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    version         integer     NOT NULL DEFAULT 0
);
CREATE INDEX staff_user_department ON staff_user (department_code);

-- A login session: the family of its refresh tokens. Revoking it ends every token of the family.
CREATE TABLE auth_session (
    id             uuid PRIMARY KEY,
    subject_type   text        NOT NULL CHECK (subject_type IN ('RESIDENT', 'STAFF')),
    subject_id     uuid        NOT NULL,
    client         text        NOT NULL CHECK (client IN ('APP', 'MINI_PROGRAM', 'STAFF_CONSOLE')),
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoke_reason  text,
    ip_address     text,
    user_agent     text
);
CREATE INDEX auth_session_subject ON auth_session (subject_type, subject_id, created_at DESC);

-- Refresh tokens are stored only as SHA-256 hashes. used_at set = rotated; presenting it again is reuse.
CREATE TABLE refresh_token (
    token_hash bytea PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES auth_session (id),
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);

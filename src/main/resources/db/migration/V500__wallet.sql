-- The e-certificate wallet (issue 12, first slice): certificates as GB/T 36903 records, and the SM2 keys the issuing
-- departments sign them with. Personal data (holder name and code, the certificate number, the type's own fields) is
-- stored SM4-GCM encrypted (platform/crypto), like the resident profile.
CREATE TABLE wallet_issuer_key (
    key_id          text        PRIMARY KEY,
    department_code text        NOT NULL,
    issuer_name     text        NOT NULL,
    -- X.509 SubjectPublicKeyInfo DER of the SM2 public key, as published.
    public_key      bytea       NOT NULL,
    -- PKCS#8 DER of the private key, SM4-GCM encrypted.
    private_key_enc bytea       NOT NULL,
    valid_from      timestamptz NOT NULL,
    -- Set when the key was rotated out: it signs nothing any more and still verifies what it signed.
    valid_to        timestamptz
);
-- At most one signing key per department.
CREATE UNIQUE INDEX wallet_issuer_key_current ON wallet_issuer_key (department_code) WHERE valid_to IS NULL;

-- Each certificate's place in its status list (one bit per certificate, W3C Bitstring Status List), never reused.
CREATE SEQUENCE wallet_status_index_seq START 1;
-- The serial part of the 电子证照标识 of certificates Banhao issues.
CREATE SEQUENCE wallet_certificate_serial_seq START 1;

CREATE TABLE wallet_certificate (
    id                uuid        PRIMARY KEY,
    holder_id         uuid        NOT NULL,
    type_code         text        NOT NULL,
    name              text        NOT NULL,
    number_enc        bytea       NOT NULL,
    identifier        text        NOT NULL UNIQUE,
    holder_name_enc   bytea       NOT NULL,
    holder_code_enc   bytea       NOT NULL,
    holder_code_type  text        NOT NULL CHECK (holder_code_type IN ('111', '001')),
    issuer_department text        NOT NULL,
    issuer_name       text        NOT NULL,
    issuer_code       text        NOT NULL,
    issued_on         date        NOT NULL,
    valid_from        date        NOT NULL,
    valid_to          date,
    long_term         boolean     NOT NULL,
    region_code       text        NOT NULL,
    -- The type's own fields, a JSON object of strings, encrypted.
    fields_enc        bytea       NOT NULL,
    trust_level       text        NOT NULL DEFAULT 'A',
    status            text        NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    status_reason     text,
    status_changed_at timestamptz,
    status_list_index bigint      NOT NULL UNIQUE,
    -- The canonical JSON (RFC 8785) that was signed, encrypted (it holds the personal fields in clear), and its signature.
    signed_document_enc bytea     NOT NULL,
    key_id            text        NOT NULL REFERENCES wallet_issuer_key (key_id),
    signature         bytea       NOT NULL,
    -- ISSUED (on an approved application: source_ref is its number) or IMPORTED (from the provincial library).
    source            text        NOT NULL CHECK (source IN ('ISSUED', 'IMPORTED')),
    source_ref        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    version           integer     NOT NULL DEFAULT 0,
    -- What makes issuing on a redelivered event, or importing again, a no-op.
    UNIQUE (source, source_ref, type_code)
);
CREATE INDEX wallet_certificate_holder ON wallet_certificate (holder_id, created_at DESC, id DESC);

-- 亮证 (issue 12): showing a certificate by QR with only the fields its holder chooses.
--
-- The issuer's selective-disclosure signature of a certificate (the SD-JWT idea): a salted SM3 digest per disclosable
-- field, the list signed SM2 by the issuing department over the RFC 8785 form of `document`. Made at issue; for a
-- certificate issued before this table it is made on its first presentation, with the department's current key (the
-- certificate's own signature is untouched, so it keeps verifying with the key it names). `document` holds digests and
-- the record's public metadata only; the salts and values (`disclosures_enc`) are personal data, encrypted.
CREATE TABLE wallet_certificate_disclosure (
    certificate_id  uuid        PRIMARY KEY REFERENCES wallet_certificate (id),
    document        text        NOT NULL,
    key_id          text        NOT NULL REFERENCES wallet_issuer_key (key_id),
    signature       bytea       NOT NULL,
    -- JSON object label -> [salt, label, value], SM4-GCM encrypted.
    disclosures_enc bytea       NOT NULL,
    created_at      timestamptz NOT NULL
);

-- A presentation: what the holder chose to show, for how long, how often. The token itself is not kept (it carries the
-- disclosed values); a verifier brings it back.
CREATE TABLE wallet_presentation (
    id             uuid        PRIMARY KEY,
    holder_id      uuid        NOT NULL,
    certificate_id uuid        NOT NULL REFERENCES wallet_certificate (id),
    certificate_name text      NOT NULL,
    -- JSON array of the disclosed field labels.
    fields         text        NOT NULL,
    single_use     boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    -- The first successful verification; for a single-use presentation the only one (a conditional update sets it).
    used_at        timestamptz,
    uses           integer     NOT NULL DEFAULT 0,
    CHECK (expires_at > created_at AND expires_at <= created_at + interval '5 minutes')
);
CREATE INDEX wallet_presentation_holder ON wallet_presentation (holder_id, created_at DESC, id DESC);

-- A verification of a presentation is a use of the certificate's data by a public verifier.
ALTER TABLE wallet_certificate_use DROP CONSTRAINT wallet_certificate_use_party_kind_check;
ALTER TABLE wallet_certificate_use ADD CONSTRAINT wallet_certificate_use_party_kind_check
    CHECK (party_kind IN ('DEPARTMENT', 'PUBLIC_VERIFIER'));
ALTER TABLE wallet_certificate_use DROP CONSTRAINT wallet_certificate_use_channel_check;
ALTER TABLE wallet_certificate_use ADD CONSTRAINT wallet_certificate_use_channel_check
    CHECK (channel IN ('MATERIAL', 'STAFF_STATUS', 'PRESENTATION'));

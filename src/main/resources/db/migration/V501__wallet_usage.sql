-- The usage ledger (用证记录, issue 12): every use of a certificate's data by anyone other than its holder — here a
-- use as an application material (the deciding department reads it) and a status change by the issuing department.
-- Append-only: the resident's record of who used their data must not be rewritable.
CREATE TABLE wallet_certificate_use (
    id               uuid        PRIMARY KEY,
    holder_id        uuid        NOT NULL,
    certificate_id   uuid        NOT NULL REFERENCES wallet_certificate (id),
    certificate_name text        NOT NULL,
    -- Who: a department (code), never hidden.
    party_kind       text        NOT NULL CHECK (party_kind IN ('DEPARTMENT')),
    party_code       text        NOT NULL,
    purpose          text        NOT NULL,
    -- The fields it could read, a JSON array of labels (text: the reactive driver maps jsonb arrays poorly).
    fields           text        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('MATERIAL', 'STAFF_STATUS')),
    -- The application it served, for a material.
    reference        text,
    at               timestamptz NOT NULL
);
CREATE INDEX wallet_certificate_use_holder ON wallet_certificate_use (holder_id, at DESC, id DESC);

CREATE FUNCTION wallet_certificate_use_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'wallet_certificate_use is append-only';
END;
$$;
CREATE TRIGGER wallet_certificate_use_append_only BEFORE UPDATE OR DELETE ON wallet_certificate_use
    FOR EACH ROW EXECUTE FUNCTION wallet_certificate_use_guard();
CREATE TRIGGER wallet_certificate_use_no_truncate BEFORE TRUNCATE ON wallet_certificate_use
    FOR EACH STATEMENT EXECUTE FUNCTION wallet_certificate_use_guard();

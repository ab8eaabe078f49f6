-- Postal delivery of an application's result (邮政寄递, issue 14). One row per application: chosen by the resident
-- before the result (AWAITING_RESULT), requested on approval, ordered once the carrier issued a waybill. The address is
-- a snapshot of the one chosen from the address book, every personal part encrypted (SM4-GCM, DataProtection).
-- The id is the carrier's logisticsOrderNo: a retried carrier call names the same parcel.
CREATE TABLE postal_delivery (
    id               uuid        PRIMARY KEY,
    application_id   uuid        NOT NULL UNIQUE,
    application_no   text        NOT NULL,
    resident_id      uuid        NOT NULL,
    item_code        text        NOT NULL,
    recipient_enc    bytea       NOT NULL,
    phone_enc        bytea       NOT NULL,
    region_code      text        NOT NULL,
    detail_enc       bytea       NOT NULL,
    state            text        NOT NULL,
    carrier          text,
    waybill_no       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);
CREATE INDEX postal_delivery_resident ON postal_delivery (resident_id);

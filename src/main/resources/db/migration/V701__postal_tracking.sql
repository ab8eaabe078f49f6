-- Carrier tracking callbacks (issue 14). A webhook-id is accepted once (a second is a replay); a report is applied
-- once per parcel, state and carrier time (a repeat is a duplicate, acknowledged without effect).
CREATE TABLE postal_webhook_receipt (
    webhook_id  text        PRIMARY KEY,
    received_at timestamptz NOT NULL
);

CREATE TABLE postal_tracking_event (
    delivery_id uuid        NOT NULL REFERENCES postal_delivery (id),
    state       text        NOT NULL,
    op_time     timestamptz NOT NULL,
    description text,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, state, op_time)
);
CREATE INDEX postal_delivery_waybill ON postal_delivery (waybill_no);

-- Postal deliveries of three kinds (issue 14): RESULT, the resident's choice to have the result posted (one per case,
-- ordered on approval); STAFF_ORDER, a parcel the department sends on its own (a re-issued licence: any number per
-- case); PICKUP, the resident's originals collected at their address and brought to the department (代收: the resident
-- is the sender; at most one under way per case). All share the carrier path (outbox, tracking, reconciliation).
ALTER TABLE postal_delivery ADD COLUMN kind text NOT NULL DEFAULT 'RESULT';
ALTER TABLE postal_delivery DROP CONSTRAINT postal_delivery_application_id_key;
CREATE UNIQUE INDEX postal_delivery_result ON postal_delivery (application_id) WHERE kind = 'RESULT';
CREATE UNIQUE INDEX postal_delivery_open_pickup ON postal_delivery (application_id)
    WHERE kind = 'PICKUP' AND state NOT IN ('CANCELLED', 'RECEIVED', 'RETURNED');
CREATE INDEX postal_delivery_application ON postal_delivery (application_id, created_at);
-- What a staff order holds, as the waybill says (null: the result, 证照).
ALTER TABLE postal_delivery ADD COLUMN contents text;
-- A pick-up's window, as booked; when and by whom staff recorded the materials as received.
ALTER TABLE postal_delivery ADD COLUMN window_start timestamptz;
ALTER TABLE postal_delivery ADD COLUMN window_end timestamptz;
ALTER TABLE postal_delivery ADD COLUMN received_at timestamptz;

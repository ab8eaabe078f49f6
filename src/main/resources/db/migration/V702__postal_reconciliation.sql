-- Postal reconciliation (issue 14): when the carrier was last asked about a parcel that had no news, so a parcel is
-- queried once per quiet period rather than on every sweep; and the sweep's lookups by state.
ALTER TABLE postal_delivery ADD COLUMN checked_at timestamptz;
CREATE INDEX postal_delivery_state ON postal_delivery (state, updated_at);

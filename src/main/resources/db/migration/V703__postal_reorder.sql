-- Postal address changes after ordering (issue 14): the carrier's order is cancelled and a new one placed, under a new
-- logisticsOrderNo (the delivery id, then id-1, id-2, ...), since the carrier is idempotent on that number.
ALTER TABLE postal_delivery ADD COLUMN order_seq integer NOT NULL DEFAULT 0;

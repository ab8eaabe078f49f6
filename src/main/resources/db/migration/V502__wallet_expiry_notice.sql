-- When the holder was told a certificate expires within 30 days (issue 12: the expiring-soon notice), so they are
-- told once.
ALTER TABLE wallet_certificate ADD COLUMN expiry_noticed_at timestamptz;
CREATE INDEX wallet_certificate_expiring ON wallet_certificate (valid_to) WHERE expiry_noticed_at IS NULL AND valid_to IS NOT NULL;

-- Issue 10 point 12: a session ends at its absolute end whatever the refreshes (residents 30 days after
-- login, staff 12 hours). Existing sessions get the end their login implies; those already past it end now.
ALTER TABLE auth_session ADD COLUMN absolute_expires_at timestamptz;
UPDATE auth_session SET absolute_expires_at = created_at
    + CASE subject_type WHEN 'STAFF' THEN interval '12 hours' ELSE interval '30 days' END;
ALTER TABLE auth_session ALTER COLUMN absolute_expires_at SET NOT NULL;
UPDATE auth_session SET expires_at = absolute_expires_at WHERE expires_at > absolute_expires_at;
UPDATE refresh_token t SET expires_at = s.absolute_expires_at
    FROM auth_session s WHERE s.id = t.session_id AND t.expires_at > s.absolute_expires_at;

-- Issue 10 point 16: every node reads the recently revoked sessions into its own deny-list every few seconds.
CREATE INDEX auth_session_revoked_at ON auth_session (revoked_at) WHERE revoked_at IS NOT NULL;

-- Append-only audit log (DESIGN.md §7): logins, token events, state changes, reads of personal data.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    action      text        NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED')),
    actor_type  text        NOT NULL,
    actor_id    text,
    target_type text,
    target_id   text,
    client_ip   text,
    request_id  text,
    details     jsonb
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);
CREATE INDEX audit_log_actor ON audit_log (actor_type, actor_id, occurred_at);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, occurred_at);

-- No line is ever changed; lines are removed only by the retention job (which flags its transaction)
-- and only once they are older than the minimum retention of 180 days.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'audit_log cannot be truncated';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'audit_log is append-only';
    END IF;
    IF coalesce(current_setting('banhao.audit_purge', true), '') <> 'on'
       OR OLD.occurred_at >= now() - interval '180 days' THEN
        RAISE EXCEPTION 'audit_log lines are removed only by the retention job, after 180 days';
    END IF;
    RETURN OLD;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

-- Every start of an API instance, kept for operators (what ran when, on which servers).
CREATE TABLE system_boot (
    instance_id       uuid PRIMARY KEY,
    version           text        NOT NULL,
    started_at        timestamptz NOT NULL,
    embedded_postgres boolean     NOT NULL,
    embedded_redis    boolean     NOT NULL
);
CREATE INDEX system_boot_started_at ON system_boot (started_at DESC);

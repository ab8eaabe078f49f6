package app.banhao.system;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One start of an API instance: the operator's record of what ran when, on which servers. */
@Entity
@Table(name = "system_boot")
public class SystemBoot {

    @Id
    @Column(name = "instance_id")
    public UUID instanceId;

    @Column(nullable = false)
    public String version;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "embedded_postgres", nullable = false)
    public boolean embeddedPostgres;

    @Column(name = "embedded_redis", nullable = false)
    public boolean embeddedRedis;
}

package app.banhao.platform.publishing;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * What every piece of published catalogue and home content has: a publication status, a version that
 * every change raises (what {@code If-Match} names) and the time of the last change.
 */
@MappedSuperclass
public abstract class PublishedContent {

    /** {@link Publication#ACTIVE} or {@link Publication#RETIRED}. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

package app.banhao.application.core;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A material of an application: a stored file, a wallet certificate, the profile, or a placeholder (容缺, 告知承诺). */
@Entity
@Table(name = "application_material")
public class ApplicationMaterial {

    public enum Kind {
        UPLOAD, CERTIFICATE, PROFILE, TOLERATED, COMMITMENT;

        /** Whether the material is actually there (not merely tolerated as missing). */
        public boolean supplied() {
            return this == UPLOAD || this == CERTIFICATE || this == PROFILE;
        }
    }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public String name;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    public byte[] sha256;

    @Column(name = "certificate_id")
    public String certificateId;

    /** For a certificate: its 电子证照标识 (naming its version) when the department came to read it. */
    @Column(name = "certificate_identifier")
    public String certificateIdentifier;

    @Column(name = "supplied_at", nullable = false)
    public OffsetDateTime suppliedAt;

    @Column(name = "supply_by")
    public LocalDate supplyBy;

    /** 容缺: when the deadline job flagged this tolerated material as not supplied by {@link #supplyBy}. */
    @Column(name = "overdue_flagged_at")
    public OffsetDateTime overdueFlaggedAt;
}

package app.banhao.resident;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A postal address of a resident, for delivery of results; every personal part encrypted. */
@Entity
@Table(name = "resident_address")
public class ResidentAddress {

    @Id
    public UUID id;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "recipient_enc", nullable = false)
    public byte[] recipientEnc;

    @Column(name = "phone_enc", nullable = false)
    public byte[] phoneEnc;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "detail_enc", nullable = false)
    public byte[] detailEnc;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}

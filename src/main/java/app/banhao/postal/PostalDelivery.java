package app.banhao.postal;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The postal delivery of one application's result: the address copied from the address book when chosen (every
 * personal part encrypted), its state and, once ordered, the carrier's waybill. Its id is the carrier's
 * {@code logisticsOrderNo}.
 */
@Entity
@Table(name = "postal_delivery")
public class PostalDelivery {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "application_no", nullable = false)
    public String applicationNo;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    /** The department of the case: whose dispatch list it is on. */
    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "item_code", nullable = false)
    public String itemCode;

    @Column(name = "recipient_enc", nullable = false)
    public byte[] recipientEnc;

    @Column(name = "phone_enc", nullable = false)
    public byte[] phoneEnc;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "detail_enc", nullable = false)
    public byte[] detailEnc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryState state;

    public String carrier;

    @Column(name = "waybill_no")
    public String waybillNo;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** When the reconciliation sweep last asked the carrier about this parcel. */
    @Column(name = "checked_at")
    public OffsetDateTime checkedAt;

    /** How many carrier orders were cancelled for an address change; part of the next order's number. */
    @Column(name = "order_seq", nullable = false)
    public int orderSeq;

    @Version
    public long version;

    /** The carrier's {@code logisticsOrderNo}: the delivery id, suffixed once an earlier order was cancelled. */
    public String orderNo() {
        return orderSeq == 0 ? id.toString() : id + "-" + orderSeq;
    }
}

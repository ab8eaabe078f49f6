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

import app.banhao.application.core.CaseLookup;
import app.banhao.platform.crypto.DataProtection;

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryKind kind = DeliveryKind.RESULT;

    /** What a staff order holds, as the waybill says; null for the result. */
    public String contents;

    /** A pick-up's window, as booked. */
    @Column(name = "window_start")
    public OffsetDateTime windowStart;

    @Column(name = "window_end")
    public OffsetDateTime windowEnd;

    /** When staff recorded a pick-up's materials as received. */
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

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

    /** A new delivery of {@code kind} for the case {@code c}, created {@code now}, its state and address still to set. */
    static PostalDelivery of(CaseLookup.OwnedCase c, DeliveryKind kind, OffsetDateTime now) {
        PostalDelivery d = new PostalDelivery();
        d.id = UUID.randomUUID();
        d.kind = kind;
        d.applicationId = c.id();
        d.applicationNo = c.applicationNo();
        d.residentId = c.residentId();
        d.itemCode = c.itemCode() == null ? "" : c.itemCode();
        d.departmentCode = c.departmentCode();
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    /** The resident's side of the parcel (where it goes, or where it is collected), each personal part encrypted. */
    void address(DataProtection crypto, String recipient, String phone, String regionCode, String detail) {
        recipientEnc = crypto.encrypt(recipient);
        phoneEnc = crypto.encrypt(phone);
        this.regionCode = regionCode;
        detailEnc = crypto.encrypt(detail);
    }

    /** The carrier's {@code logisticsOrderNo}: the delivery id, suffixed once an earlier order was cancelled. */
    public String orderNo() {
        return orderSeq == 0 ? id.toString() : id + "-" + orderSeq;
    }
}

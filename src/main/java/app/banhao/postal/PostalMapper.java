package app.banhao.postal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.PostalDeliveryKind;
import app.banhao.api.model.PostalDeliveryState;
import app.banhao.api.model.StaffPostalDelivery;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.privacy.Masks;

/** Deliveries as the contract shows them: the address masked, as the address book masks it. */
@ApplicationScoped
public class PostalMapper {

    /** As many leading characters of the detail line as the address book shows. */
    private static final int ADDRESS_VISIBLE_CHARS = 6;

    private final DataProtection crypto;

    public PostalMapper(DataProtection crypto) {
        this.crypto = crypto;
    }

    public app.banhao.api.model.PostalDelivery toDelivery(PostalDelivery d) {
        return new app.banhao.api.model.PostalDelivery()
                .id(d.id)
                .applicationNo(d.applicationNo)
                .state(PostalDeliveryState.fromValue(d.state.name()))
                .carrier(d.carrier)
                .waybillNo(d.waybillNo)
                .recipient(Masks.name(crypto.decrypt(d.recipientEnc)))
                .phone(Masks.phone(crypto.decrypt(d.phoneEnc)))
                .regionCode(d.regionCode)
                .detail(Masks.address(crypto.decrypt(d.detailEnc), ADDRESS_VISIBLE_CHARS))
                .kind(PostalDeliveryKind.fromValue(d.kind.name()))
                .windowStart(utc(d.windowStart))
                .windowEnd(utc(d.windowEnd))
                .receivedAt(utc(d.receivedAt))
                .createdAt(utc(d.createdAt))
                .updatedAt(utc(d.updatedAt));
    }

    /** As the dispatch desk lists it; {@code carrierWaiting} when still REQUESTED since {@code waitingSince}. */
    public StaffPostalDelivery toStaffView(PostalDelivery d, OffsetDateTime waitingSince) {
        return new StaffPostalDelivery().id(d.id).applicationNo(d.applicationNo)
                .state(PostalDeliveryState.fromValue(d.state.name())).kind(PostalDeliveryKind.fromValue(d.kind.name()))
                .carrier(d.carrier).waybillNo(d.waybillNo)
                .regionCode(d.regionCode).recipient(Masks.name(crypto.decrypt(d.recipientEnc)))
                .carrierWaiting(d.state == DeliveryState.REQUESTED && !d.updatedAt.isAfter(waitingSince))
                .windowStart(utc(d.windowStart)).windowEnd(utc(d.windowEnd))
                .updatedAt(utc(d.updatedAt));
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }
}

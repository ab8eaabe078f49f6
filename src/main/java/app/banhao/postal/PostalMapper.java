package app.banhao.postal;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.PostalDeliveryState;
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
                .createdAt(d.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(d.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}

package app.banhao.resident;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.Address;
import app.banhao.api.model.Profile;
import app.banhao.api.model.RealNameLevel;
import app.banhao.api.model.ResidentPreferences;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.privacy.Masks;

/** Residents and addresses as API models: decrypted only to be masked. */
@ApplicationScoped
public class ResidentMapper {

    private static final int ADDRESS_VISIBLE_CHARS = 6;

    private final DataProtection crypto;

    public ResidentMapper(DataProtection crypto) {
        this.crypto = crypto;
    }

    public Profile toProfile(Resident r) {
        return new Profile()
                .id(r.id)
                .phone(Masks.phone(crypto.decrypt(r.phoneEnc)))
                .name(Masks.name(crypto.decrypt(r.nameEnc)))
                .idNumber(Masks.idNumber(crypto.decrypt(r.idNumberEnc)))
                .level(RealNameLevel.fromValue(r.level.name()))
                .nickname(r.nickname)
                .language(Profile.LanguageEnum.fromValue(r.language))
                .preferences(new ResidentPreferences().largeText(r.largeText))
                .hasPassword(r.passwordHash != null)
                .createdAt(r.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .version((long) r.version);
    }

    public Address toAddress(ResidentAddress a) {
        return new Address()
                .id(a.id)
                .recipient(Masks.name(crypto.decrypt(a.recipientEnc)))
                .phone(Masks.phone(crypto.decrypt(a.phoneEnc)))
                .regionCode(a.regionCode)
                .detail(Masks.address(crypto.decrypt(a.detailEnc), ADDRESS_VISIBLE_CHARS))
                .isDefault(a.isDefault)
                .createdAt(a.createdAt.withOffsetSameInstant(ZoneOffset.UTC));
    }
}

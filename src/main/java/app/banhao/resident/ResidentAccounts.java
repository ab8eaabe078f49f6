package app.banhao.resident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.auth.AuthSession;
import app.banhao.auth.SessionService.Grant;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.security.TokenClaims;
import io.smallrye.mutiny.Uni;

/** Finding residents by phone (through the blind index) and opening them on first login. */
@ApplicationScoped
public class ResidentAccounts {

    private final ResidentRepository residents;
    private final DataProtection crypto;

    public ResidentAccounts(ResidentRepository residents, DataProtection crypto) {
        this.residents = residents;
        this.crypto = crypto;
    }

    public Uni<Resident> findByPhone(String phone) {
        return residents.findByPhoneIndex(crypto.blindIndex("phone", phone));
    }

    /** The resident with this verified phone; a new one at level L1 if the phone is new. Call in a transaction. */
    public Uni<Resident> findOrOpen(String phone) {
        return findByPhone(phone).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Resident resident = new Resident();
            resident.id = UUID.randomUUID();
            resident.phoneEnc = crypto.encrypt(phone);
            resident.phoneIdx = crypto.blindIndex("phone", phone);
            resident.level = Resident.Level.L1;
            resident.language = "zh";
            resident.createdAt = now;
            resident.updatedAt = now;
            return residents.persist(resident);
        });
    }

    public Uni<Resident> get(UUID id) {
        return residents.findById(id);
    }

    /** The token grant of a resident logging in through {@code client}. */
    public static Grant grant(Resident resident, AuthSession.Client client) {
        String audience = client == AuthSession.Client.MINI_PROGRAM ? TokenClaims.AUD_MINI_PROGRAM : TokenClaims.AUD_APP;
        return new Grant(AuthSession.SubjectType.RESIDENT, resident.id, client, audience, Set.of(TokenClaims.RESIDENT),
                Map.of(TokenClaims.LEVEL, resident.level.name()));
    }
}

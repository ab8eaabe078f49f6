package app.banhao.resident;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.common.AffectedEntities;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.privacy.Masks;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.session.AuthSession;
import app.banhao.platform.session.SessionService.Grant;
import app.banhao.platform.session.SubjectGrants;
import app.banhao.platform.time.BusinessClock;
import app.banhao.platform.transaction.SqlStatement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Residents as the other features see them: finding them by phone (through the blind index), opening them on first
 * login, linking mini-program accounts, and a masked summary. Other features never touch the resident's entities or
 * repositories; personal data leaves this feature masked.
 */
@ApplicationScoped
public class Residents implements SubjectGrants {

    /** A resident as another feature may know them: masked name (null before real-name verification), phone and ID. */
    public record ResidentSummary(UUID id, Resident.Level level, String maskedName, String maskedPhone, String maskedIdNumber) {

        /** How the resident appears to others (timelines, reviewers): masked name, or masked phone before verification. */
        public String displayName() {
            return maskedName != null ? maskedName : maskedPhone;
        }

        public boolean atLeast(Resident.Level wanted) {
            return level.atLeast(wanted);
        }
    }

    /** A verified resident's real name and ID number in clear, for what is issued in their name (e-certificates). */
    public record VerifiedIdentity(String name, String idNumber) {
    }

    private final ResidentRepository residents;
    private final ResidentChannelRepository channels;
    private final DataProtection crypto;
    private final BusinessClock clock;

    public Residents(ResidentRepository residents, ResidentChannelRepository channels, DataProtection crypto, BusinessClock clock) {
        this.clock = clock;
        this.residents = residents;
        this.channels = channels;
        this.crypto = crypto;
    }

    private static final AffectedEntities TABLE = new AffectedEntities(Resident.class);
    /** What {@link #displayNameOf} and {@link #levelOf} read. */
    private static final String NAME = "SELECT name_enc, phone_enc, level FROM resident WHERE id = ?1";
    private static final String LOCKED_NAME = NAME + " FOR UPDATE";

    /** The resident's summary, or null when there is none. */
    public Uni<ResidentSummary> summary(UUID id) {
        return residents.findById(id).map(r -> r == null ? null : summary(r));
    }

    /**
     * Locks the resident's row to the end of the caller's transaction, so checks that must see one resident's writes
     * one at a time (quotas) do. HQL, not a native select: Hibernate caches a new plan for every native select it runs.
     * The check's count must be a statement of its own, after this one: folded into the locking select (tried, issue
     * 16), it is read from that statement's snapshot, taken before the wait for the lock, and misses what the holder
     * committed — a burst of 20 drafts against a limit of 5 all passed ({@code ResidentQuotasTest}).
     */
    public Uni<Void> lock(UUID residentId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from Resident r where r.id = :id", Resident.class)
                .setParameter("id", residentId).setLockMode(LockMode.PESSIMISTIC_WRITE).getSingleResultOrNull()).replaceWithVoid();
    }

    /**
     * The resident's real name and ID number, for a document issued to them that keeps them encrypted in turn; null
     * before real-name verification (or for no resident).
     */
    public Uni<VerifiedIdentity> verifiedIdentity(UUID id) {
        return residents.findById(id).map(r -> r == null || r.nameEnc == null || r.idNumberEnc == null ? null
                : new VerifiedIdentity(crypto.decrypt(r.nameEnc), crypto.decrypt(r.idNumberEnc)));
    }

    /**
     * The id of the resident who verified this citizen ID number (实名认证), or null: how a relying party names the
     * resident it asks (wallet grants), as a bank knows its customer.
     */
    public Uni<UUID> idOfVerifiedIdNumber(String idNumber) {
        return residents.findByIdNumberIndex(crypto.blindIndex("id-number", IdNumbers.normalise(idNumber)))
                .map(r -> r == null ? null : r.id);
    }

    /** The id of the resident with this phone, or null. */
    public Uni<UUID> idOf(String phone) {
        return findByPhone(phone).map(r -> r == null ? null : r.id);
    }

    /** The password hash of the resident with this phone, or null (no resident, or no password set). */
    public Uni<String> passwordHash(String phone) {
        return findByPhone(phone).map(r -> r == null ? null : r.passwordHash);
    }

    /**
     * The grant of the resident behind a mini-program account. A known account logs its resident in; a new one is
     * linked by the phone the platform verified — never by openid alone — so WeChat, Alipay and the app meet in one
     * resident. 422 {@code PHONE_AUTHORIZATION_REQUIRED} when the account is new and no phone came with it.
     */
    public Uni<Grant> openByChannel(String platform, String openId, String verifiedPhone) {
        return channels.findById(new ResidentChannel.Key(platform, openId)).chain(link -> {
            if (link != null) {
                return residents.findById(link.residentId);
            }
            if (verifiedPhone == null) {
                return Uni.createFrom().failure(ApiException.of(ResidentErrors.PHONE_AUTHORIZATION_REQUIRED));
            }
            return findOrOpen(verifiedPhone).call(resident -> {
                ResidentChannel channel = new ResidentChannel();
                channel.platform = platform;
                channel.openId = openId;
                channel.residentId = resident.id;
                channel.linkedAt = clock.now();
                return channels.persist(channel);
            });
        }).map(r -> grant(r, AuthSession.Client.MINI_PROGRAM));
    }

    /** Opens the resident with this phone if needed and gives them a password when they have none (demo accounts). */
    public Uni<Void> ensurePassword(String phone, Supplier<Uni<String>> hash) {
        return findOrOpen(phone).chain(r -> r.passwordHash != null ? Uni.createFrom().voidItem()
                : hash.get().invoke(h -> r.passwordHash = h).replaceWithVoid());
    }

    @Override
    public AuthSession.SubjectType subjectType() {
        return AuthSession.SubjectType.RESIDENT;
    }

    @Override
    public Uni<Grant> current(UUID residentId, AuthSession.Client client) {
        return residents.findById(residentId).map(r -> r == null ? null : grant(r, client));
    }

    Uni<Resident> findByPhone(String phone) {
        return residents.findByPhoneIndex(crypto.blindIndex("phone", phone));
    }

    /** The resident with this verified phone; a new one at level L1 if the phone is new. Call in a transaction. */
    Uni<Resident> findOrOpen(String phone) {
        return findByPhone(phone).chain(found -> {
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            OffsetDateTime now = clock.now();
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

    ResidentSummary summary(Resident r) {
        return new ResidentSummary(r.id, r.level, r.nameEnc == null ? null : Masks.name(crypto.decrypt(r.nameEnc)),
                Masks.phone(crypto.decrypt(r.phoneEnc)),
                r.idNumberEnc == null ? null : Masks.idNumber(crypto.decrypt(r.idNumberEnc)));
    }

    /**
     * {@link #lock} in a statement that also reads what {@link ResidentSummary#displayName()} is made of, for a writer
     * that sends its statements itself on the reactive SQL client; its row goes to {@link #displayNameOf}. The same rule
     * as for {@link #lock}: a check that must see what the lock's previous holder committed is a later statement.
     */
    public SqlStatement lockedDisplayName(UUID residentId) {
        return SqlStatement.of(LOCKED_NAME, TABLE, residentId);
    }

    /** {@link #lockedDisplayName} without the lock, for a writer that needs only the actor's name and level. */
    public SqlStatement displayName(UUID residentId) {
        return SqlStatement.of(NAME, TABLE, residentId);
    }

    /** The resident's real-name level in a row of {@link #displayName} or {@link #lockedDisplayName} (one was found). */
    public static Resident.Level levelOf(RowSet<Row> rows) {
        return Resident.Level.valueOf(rows.iterator().next().getString(2));
    }

    /**
     * The display name in a row of {@link #lockedDisplayName} or {@link #displayName} (the masked name, else the masked phone: only the one
     * shown is decrypted), or null when it found no resident.
     */
    public String displayNameOf(RowSet<Row> rows) {
        RowIterator<Row> it = rows.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Row r = it.next();
        Buffer name = r.getBuffer(0);
        return name != null ? Masks.name(crypto.decrypt(bytes(name))) : Masks.phone(crypto.decrypt(bytes(r.getBuffer(1))));
    }

    private static byte[] bytes(Buffer b) {
        return b == null ? null : b.getBytes();
    }

    /** The token grant of a resident logging in through {@code client}. */
    static Grant grant(Resident resident, AuthSession.Client client) {
        return grant(resident.id, resident.level, client);
    }

    static Grant grant(UUID residentId, Resident.Level level, AuthSession.Client client) {
        String audience = client == AuthSession.Client.MINI_PROGRAM ? TokenClaims.AUD_MINI_PROGRAM : TokenClaims.AUD_APP;
        return new Grant(AuthSession.SubjectType.RESIDENT, residentId, client, audience, Set.of(TokenClaims.RESIDENT),
                Map.of(TokenClaims.LEVEL, level.name()));
    }
}

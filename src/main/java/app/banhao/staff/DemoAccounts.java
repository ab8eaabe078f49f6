package app.banhao.staff;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.local.LocalMode;
import app.banhao.platform.security.Passwords;
import app.banhao.platform.security.TokenClaims;
import app.banhao.platform.startup.StartupTask;
import app.banhao.platform.time.BusinessClock;
import app.banhao.resident.Residents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The demo accounts printed in the README — one resident, one agent, one reviewer, one administrator —
 * created at start-up in local mode only ({@code banhao.local-mode}, loopback by default), never anywhere
 * else: their passwords and TOTP secrets are public by design. {@code banhao.demo.enabled=false} leaves
 * them out of a local instance too.
 */
@ApplicationScoped
public class DemoAccounts implements StartupTask {

    public static final String RESIDENT_PHONE = "13800138000";
    public static final String RESIDENT_PASSWORD = "Xiang-Yi-Ban-2026";
    public static final String STAFF_PASSWORD = "Banhao-Demo-2026";

    /** username, display name, role, TOTP secret (Base32). */
    record Staff(String username, String displayName, String role, String totpSecret) {
    }

    static final List<Staff> STAFF = List.of(
            new Staff("agent", "刘导办", TokenClaims.AGENT, "KRSXG5CTMVRXEZLUKN2XAZLSONSWG4TF"),
            new Staff("reviewer", "王审批", TokenClaims.REVIEWER, "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"),
            new Staff("admin", "陈管理", TokenClaims.ADMIN, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));

    private final boolean enabled;
    private final String department;
    private final StaffUserRepository staff;
    private final Residents residents;
    private final Passwords passwords;
    private final DataProtection crypto;
    private final BusinessClock clock;

    public DemoAccounts(LocalMode local,
            @ConfigProperty(name = "banhao.demo.enabled", defaultValue = "true") boolean wanted,
            @ConfigProperty(name = "banhao.demo.department", defaultValue = "HN-SCJ") String department,
            StaffUserRepository staff, Residents residents, Passwords passwords, DataProtection crypto, BusinessClock clock) {
        this.clock = clock;
        this.enabled = wanted && local.on();
        this.department = department;
        this.staff = staff;
        this.residents = residents;
        this.passwords = passwords;
        this.crypto = crypto;
    }

    @Override
    public Uni<Void> atStart() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(this::ensureAll).invoke(() -> Log.infof(
                "Demo accounts ready: resident %s, staff agent/reviewer/admin of department %s (see README)", RESIDENT_PHONE, department));
    }

    private Uni<Void> ensureAll() {
        Uni<Void> chain = residents.ensurePassword(RESIDENT_PHONE, () -> passwords.hash(RESIDENT_PASSWORD));
        for (Staff s : STAFF) {
            chain = chain.chain(() -> staff.findByUsername(s.username())).chain(existing -> existing != null
                    ? Uni.createFrom().voidItem()
                    : passwords.hash(STAFF_PASSWORD).chain(hash -> {
                        StaffUser user = new StaffUser();
                        user.id = UUID.randomUUID();
                        user.username = s.username();
                        user.displayName = s.displayName();
                        user.departmentCode = department;
                        user.roles = new String[] { s.role() };
                        user.passwordHash = hash;
                        user.totpSecretEnc = crypto.encrypt(s.totpSecret());
                        user.active = true;
                        user.createdAt = clock.now();
                        return staff.persist(user).replaceWithVoid();
                    }));
        }
        return chain;
    }
}

package app.banhao.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt's 72-byte horizon (issue 10, point 18): every byte of a password counts. */
class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void passwordsAlikeInTheirFirst72BytesAreDifferentPasswords() {
        String prefix = "办".repeat(24); // 72 UTF-8 bytes
        String hash = passwords.hash(prefix + "Right-2026").await().indefinitely();
        assertTrue(passwords.matches(prefix + "Right-2026", hash).await().indefinitely());
        assertFalse(passwords.matches(prefix + "Wrong-2026", hash).await().indefinitely());
        assertFalse(passwords.matches(prefix, hash).await().indefinitely());
    }

    @Test
    void hashesFromBeforeThePreHashStillVerify() {
        String legacy = BcryptUtil.bcryptHash("Legacy-Pass-2026", 4);
        assertTrue(passwords.matches("Legacy-Pass-2026", legacy).await().indefinitely());
        assertFalse(passwords.matches("Legacy-Pass-2027", legacy).await().indefinitely());
    }

    @Test
    void noAccountMatchesNothing() {
        assertFalse(passwords.matches("anything", null).await().indefinitely());
    }
}

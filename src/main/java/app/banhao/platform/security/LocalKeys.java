package app.banhao.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The keys of an instance that runs with embedded servers, generated once and kept in the data
 * directory so tokens and encrypted data survive a restart. Production configures its keys instead,
 * shared by all nodes: {@code smallrye.jwt.sign.key.location}, {@code mp.jwt.verify.publickey.location},
 * {@code banhao.crypto.data-key}, {@code banhao.crypto.index-key}.
 *
 * <p>Files: {@code signing.jwk} (the ES256 private key, with its {@code kid}), {@code jwks.json} (the
 * public keys that verify, published at {@code /api/v1/auth/jwks}), {@code data.key} (SM4 key for
 * personal data at rest) and {@code index.key} (HMAC-SM3 key for blind indexes).
 */
public final class LocalKeys {

    private LocalKeys() {
    }

    /** Makes the key files if missing and returns the config properties that point at them. */
    public static Map<String, String> ensure(Path dir) {
        try {
            Files.createDirectories(dir);
            Path signing = dir.resolve("signing.jwk");
            Path jwks = dir.resolve("jwks.json");
            if (!Files.exists(signing) || !Files.exists(jwks)) {
                EllipticCurveJsonWebKey key = newKey();
                writePrivate(signing, key.toJson(OutputControlLevel.INCLUDE_PRIVATE));
                write(jwks, new JsonWebKeySet(key).toJson(OutputControlLevel.PUBLIC_ONLY));
            }
            return Map.of(
                    "smallrye.jwt.sign.key.location", signing.toUri().toString(),
                    "mp.jwt.verify.publickey.location", jwks.toUri().toString(),
                    "banhao.crypto.data-key", secret(dir.resolve("data.key"), 16),
                    "banhao.crypto.index-key", secret(dir.resolve("index.key"), 32));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the token-signing key in " + dir, e);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not generate the token-signing key", e);
        }
    }

    /**
     * Adds a new signing key; the previous public keys stay in the key set so tokens they signed verify
     * until they expire. Returns the new key's id.
     */
    public static String rotate(Path dir) {
        try {
            JsonWebKeySet set = new JsonWebKeySet(Files.readString(dir.resolve("jwks.json")));
            EllipticCurveJsonWebKey key = newKey();
            set.addJsonWebKey(key);
            writePrivate(dir.resolve("signing.jwk"), key.toJson(OutputControlLevel.INCLUDE_PRIVATE));
            write(dir.resolve("jwks.json"), set.toJson(OutputControlLevel.PUBLIC_ONLY));
            return key.getKeyId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not rotate the token-signing key", e);
        }
    }

    private static EllipticCurveJsonWebKey newKey() throws JoseException {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(LocalDate.now(ZoneOffset.UTC) + "-" + UUID.randomUUID().toString().substring(0, 8));
        key.setAlgorithm("ES256");
        key.setUse("sig");
        return key;
    }

    private static String secret(Path file, int bytes) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[bytes];
            new SecureRandom().nextBytes(key);
            writePrivate(file, Base64.getEncoder().encodeToString(key));
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        writeAtomically(file, content, true);
    }

    private static void write(Path file, String content) throws IOException {
        writeAtomically(file, content, false);
    }

    /** Written whole or not at all; a secret is readable by its owner only where the file system knows POSIX modes. */
    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp");
        if (secret && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

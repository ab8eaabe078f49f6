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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The keys of a local-mode instance, generated once and kept in their own directory ({@code banhao.key-dir},
 * beside the data directory, never inside it: a copy of the data must not carry the key that decrypts it)
 * so tokens and encrypted data survive a restart. Production configures its keys instead,
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

    private static final Logger LOG = Logger.getLogger(LocalKeys.class);
    private static final List<String> FILES = List.of("signing.jwk", "jwks.json", "data.key", "index.key");

    /**
     * {@link #ensure(Path)}, first moving the keys an earlier version kept inside the data directory
     * ({@code <data dir>/keys}) to {@code dir}, so an existing instance keeps reading its data and tokens.
     */
    public static Map<String, String> ensure(Path dir, Path dataDir) {
        Path keys = dir.toAbsolutePath().normalize();
        Path data = dataDir.toAbsolutePath().normalize();
        if (keys.startsWith(data)) {
            throw new IllegalStateException("The key directory " + keys + " is inside the data directory " + data
                    + ": set banhao.key-dir to a directory beside it (see README, Local mode)");
        }
        moveLegacyKeys(data.resolve("keys"), keys);
        return ensure(keys);
    }

    /** Makes the key files if missing and returns the config properties that point at them. */
    public static Map<String, String> ensure(Path dir) {
        try {
            createPrivateDirectory(dir);
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

    private static void moveLegacyKeys(Path legacy, Path dir) {
        List<String> old = FILES.stream().filter(f -> Files.exists(legacy.resolve(f))).toList();
        if (old.isEmpty()) {
            return;
        }
        if (FILES.stream().anyMatch(f -> Files.exists(dir.resolve(f)))) {
            throw new IllegalStateException("Keys found both in " + legacy + " (the old place, inside the data directory) and in "
                    + dir + ": keep the set that encrypted the data in " + dir + " and delete " + legacy);
        }
        try {
            createPrivateDirectory(dir);
            for (String file : old) {
                // A plain move: the key directory may be on another file system than the data.
                Files.move(legacy.resolve(file), dir.resolve(file));
            }
            deleteIfEmpty(legacy);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the keys from " + legacy + " to " + dir
                    + ": move them by hand (see README, Local mode)", e);
        }
        LOG.warnf("Moved this instance's keys %s from %s to %s: keys are kept apart from the data now (banhao.key-dir)",
                old, legacy, dir);
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException leftOver) {
            LOG.warnf("Left %s in place: it holds more than the keys that moved", dir);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static EllipticCurveJsonWebKey newKey() throws JoseException {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(LocalDate.now(ZoneOffset.UTC) + "-" + UUID.randomUUID().toString().substring(0, 8));
        key.setAlgorithm("ES256");
        key.setUse("sig");
        return key;
    }

    /**
     * A generated password kept in {@code file} (owner-only), the same on every start: hex, so it needs no
     * escaping in a URL, a configuration file or SQL.
     */
    public static String password(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                writePrivate(file, HexFormat.of().formatHex(randomBytes(24)));
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the password in " + file, e);
        }
    }

    private static String secret(Path file, int bytes) throws IOException {
        if (!Files.exists(file)) {
            writePrivate(file, Base64.getEncoder().encodeToString(randomBytes(bytes)));
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Written whole, readable by its owner only. */
    public static void writePrivate(Path file, String content) throws IOException {
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

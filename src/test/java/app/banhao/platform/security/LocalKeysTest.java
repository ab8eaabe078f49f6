package app.banhao.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 point 11: a local instance's keys live beside its data, and an existing instance keeps its keys. */
class LocalKeysTest {

    @TempDir
    Path work;

    @Test
    void keysAnEarlierVersionKeptInTheDataDirectoryMoveToTheKeyDirectory() throws Exception {
        Path data = work.resolve("data");
        Map<String, String> before = LocalKeys.ensure(data.resolve("keys"));

        Map<String, String> after = LocalKeys.ensure(work.resolve("keys"), data);

        assertEquals(before.get("banhao.crypto.data-key"), after.get("banhao.crypto.data-key"), "the same data key");
        assertEquals(before.get("banhao.crypto.index-key"), after.get("banhao.crypto.index-key"));
        assertTrue(Files.exists(work.resolve("keys/signing.jwk")));
        assertFalse(Files.exists(data.resolve("keys")), "nothing left beside the data");
    }

    @Test
    void keysInBothPlacesStopTheStartSayingWhichToKeep() {
        Path data = work.resolve("data");
        LocalKeys.ensure(data.resolve("keys"));
        LocalKeys.ensure(work.resolve("keys"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalKeys.ensure(work.resolve("keys"), data));
        assertTrue(e.getMessage().contains("keep the set that encrypted the data"), e.getMessage());
    }

    @Test
    void aKeyDirectoryInsideTheDataDirectoryIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalKeys.ensure(work.resolve("data/keys"), work.resolve("data")));
        assertTrue(e.getMessage().contains("banhao.key-dir"), e.getMessage());
    }
}

package app.banhao.application.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import app.banhao.application.SampleFiles;
import app.banhao.application.materials.CaseMaterials;
import app.banhao.application.materials.FileTypes;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Uploads are recognised by their structure, not by their first bytes alone, and read off the event loop. */
class FileTypesTest {

    private static final byte[] GARBAGE = "this is no image and no document, just bytes after the right magic".getBytes(StandardCharsets.US_ASCII);

    @Test
    void realSmallFilesAreAccepted() {
        assertEquals(Optional.of("image/png"), FileTypes.sniff(SampleFiles.png()));
        assertEquals(Optional.of("image/jpeg"), FileTypes.sniff(SampleFiles.jpeg()));
        assertEquals(Optional.of("application/pdf"), FileTypes.sniff(SampleFiles.pdf()));
    }

    @Test
    void magicBytesFollowedByGarbageAreRefused() {
        assertRefused(concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, GARBAGE));
        assertRefused(concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' }, GARBAGE));
        assertRefused(concat(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, GARBAGE));
        assertRefused(concat(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, concat(GARBAGE, new byte[] { (byte) 0xff, (byte) 0xd9 })));
        assertRefused(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), GARBAGE));
        assertRefused(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), concat(GARBAGE, "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void brokenStructureIsRefused() {
        byte[] png = SampleFiles.png();
        assertRefused(Arrays.copyOf(png, png.length - 12)); // no IEND
        byte[] badCrc = png.clone();
        badCrc[29] ^= 0x01; // the IHDR CRC
        assertRefused(badCrc);
        byte[] zeroWidth = png.clone();
        Arrays.fill(zeroWidth, 16, 20, (byte) 0);
        assertRefused(zeroWidth);
        assertRefused(concat(png, new byte[] { 0 })); // bytes after IEND

        byte[] jpeg = SampleFiles.jpeg();
        assertRefused(Arrays.copyOf(jpeg, jpeg.length - 2)); // no EOI
        assertRefused(withoutFrame(jpeg));

        byte[] pdf = SampleFiles.pdf();
        String text = new String(pdf, StandardCharsets.US_ASCII);
        assertRefused(text.replace("%%EOF", "%%EOX").getBytes(StandardCharsets.US_ASCII));
        int xref = Integer.parseInt(text.substring(text.indexOf("startxref") + 10, text.lastIndexOf("%%EOF")).strip());
        assertRefused(text.replace("startxref\n" + xref, "startxref\n" + (xref + 3)).getBytes(StandardCharsets.US_ASCII));
        assertRefused(text.replace("startxref\n" + xref, "startxref\n999999").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anUploadIsReadOnAWorkerAndTheRequestGoesOnOnItsEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            AtomicBoolean readOnEventLoop = new AtomicBoolean(true);
            byte[] pdf = SampleFiles.pdf();
            ByteArrayInputStream upload = new ByteArrayInputStream(pdf) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    readOnEventLoop.set(Context.isOnEventLoopThread());
                    return super.read(b, off, len);
                }
            };
            CompletableFuture<Boolean> resumedOnEventLoop = new CompletableFuture<>();
            vertx.runOnContext(ignored -> CaseMaterials.readUpload(upload).subscribe().with(
                    bytes -> resumedOnEventLoop.complete(Context.isOnEventLoopThread() && Arrays.equals(pdf, bytes)),
                    resumedOnEventLoop::completeExceptionally));
            assertTrue(resumedOnEventLoop.get(10, TimeUnit.SECONDS), "the bytes come back on the event loop");
            assertFalse(readOnEventLoop.get(), "the file was read on the event loop");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The JPEG with its SOF0 marker turned into an APP15 segment: a scan with no frame before it. */
    private static byte[] withoutFrame(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 1 < copy.length; i++) {
            if ((copy[i] & 0xff) == 0xff && (copy[i + 1] & 0xff) == 0xc0) {
                copy[i + 1] = (byte) 0xef;
                return copy;
            }
        }
        throw new AssertionError("no SOF0 in the sample JPEG");
    }

    private static void assertRefused(byte[] content) {
        assertEquals(Optional.empty(), FileTypes.sniff(content), () -> "accepted: " + new String(content, StandardCharsets.ISO_8859_1));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

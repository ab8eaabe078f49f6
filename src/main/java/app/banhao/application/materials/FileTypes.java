package app.banhao.application.materials;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * What an uploaded file really is, by its content, whatever its name or declared type says: PDF, JPEG and PNG
 * only (DESIGN.md §5, §7). The magic bytes only say what a file claims to be; it must also have the structure of
 * that type, so that the right first bytes in front of anything else are refused:
 * <ul>
 * <li>PDF: a {@code %PDF-x.y} header, {@code %%EOF} near the end, and a {@code startxref} offset that lands on a
 * cross-reference table or stream inside the file;</li>
 * <li>PNG: the signature, an IHDR chunk first with sane values, every chunk's CRC right, IDAT data, and IEND last;</li>
 * <li>JPEG: SOI, well-formed segments with a valid SOF frame header before the first scan, and EOI at the end.</li>
 * </ul>
 * Walked by hand rather than decoded: {@code javax.imageio} pulls in java.awt, which the native image avoids
 * (see {@code QrCodes}), and a PDF parser (PDFBox, several MiB) would be a heavy dependency for a check. Linear in
 * the file's size (at most 5 MiB), no allocation beyond a CRC.
 */
public final class FileTypes {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    /** How far from the end a PDF's {@code %%EOF} and {@code startxref} may be (trailing whitespace, a signature). */
    private static final int PDF_TAIL = 2048;
    private static final Pattern PDF_OBJECT = Pattern.compile("^\\d+\\s+\\d+\\s+obj\\b");

    private FileTypes() {
    }

    /** The media type of {@code content}, or empty when it is none of the allowed ones or not well formed. */
    public static Optional<String> sniff(byte[] content) {
        if (startsWith(content, PDF)) {
            return pdf(content) ? Optional.of("application/pdf") : Optional.empty();
        }
        if (startsWith(content, PNG)) {
            return png(content) ? Optional.of("image/png") : Optional.empty();
        }
        if (startsWith(content, JPEG)) {
            return jpeg(content) ? Optional.of("image/jpeg") : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean pdf(byte[] c) {
        if (c.length < 16 || (c[5] != '1' && c[5] != '2') || c[6] != '.' || !Character.isDigit(c[7])) {
            return false;
        }
        int tailStart = Math.max(0, c.length - PDF_TAIL);
        String tail = new String(c, tailStart, c.length - tailStart, StandardCharsets.ISO_8859_1);
        int eof = tail.lastIndexOf("%%EOF");
        int startxref = tail.lastIndexOf("startxref");
        if (eof < 0 || startxref < 0 || startxref > eof) {
            return false;
        }
        String number = tail.substring(startxref + "startxref".length(), eof).strip();
        if (number.isEmpty() || number.length() > 10 || !number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long offset = Long.parseLong(number);
        if (offset <= 0 || offset >= tailStart + startxref) {
            return false;
        }
        String target = new String(c, (int) offset, (int) Math.min(64, c.length - offset), StandardCharsets.ISO_8859_1).stripLeading();
        return target.startsWith("xref") || PDF_OBJECT.matcher(target).find();
    }

    private static boolean png(byte[] c) {
        int at = PNG.length;
        boolean first = true;
        boolean data = false;
        while (at + 12 <= c.length) {
            long length = u32(c, at);
            if (length > c.length - at - 12L) {
                return false;
            }
            int n = (int) length;
            String type = new String(c, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(ch -> (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'))) {
                return false;
            }
            CRC32 crc = new CRC32();
            crc.update(c, at + 4, 4 + n);
            if (crc.getValue() != u32(c, at + 8 + n)) {
                return false;
            }
            if (first != type.equals("IHDR") || (first && !pngHeader(c, at + 8, n))) {
                return false;
            }
            first = false;
            data |= type.equals("IDAT");
            at += 12 + n;
            if (type.equals("IEND")) {
                return n == 0 && data && at == c.length;
            }
        }
        return false;
    }

    /** IHDR: 13 bytes, non-zero dimensions, and a bit depth the colour type allows (PNG spec §11.2.2). */
    private static boolean pngHeader(byte[] c, int p, int length) {
        if (length != 13) {
            return false;
        }
        long width = u32(c, p);
        long height = u32(c, p + 4);
        int depth = u8(c, p + 8);
        int colour = u8(c, p + 9);
        boolean depthOk = switch (colour) {
            case 0 -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case 3 -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case 2, 4, 6 -> depth == 8 || depth == 16;
            default -> false;
        };
        return width > 0 && width <= Integer.MAX_VALUE && height > 0 && height <= Integer.MAX_VALUE && depthOk
                && c[p + 10] == 0 && c[p + 11] == 0 && (c[p + 12] == 0 || c[p + 12] == 1);
    }

    private static boolean jpeg(byte[] c) {
        int end = c.length;
        if (end < 4 || u8(c, end - 2) != 0xff || u8(c, end - 1) != 0xd9) {
            return false;
        }
        int at = 2;
        boolean frame = false;
        while (at < end) {
            if (u8(c, at) != 0xff) {
                return false;
            }
            while (at < end && u8(c, at) == 0xff) {
                at++; // fill bytes before a marker
            }
            if (at >= end) {
                return false;
            }
            int marker = u8(c, at++);
            if (marker == 0xd9) {
                return frame; // EOI (a multi-picture file goes on with more images, and ends with EOI too)
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                continue; // standalone markers: TEM, RSTn
            }
            if (marker == 0x00 || marker == 0xd8 || at + 2 > end) {
                return false;
            }
            int length = u16(c, at);
            if (length < 2 || at + length > end) {
                return false;
            }
            if (isFrame(marker)) {
                if (!jpegFrame(c, at, length)) {
                    return false;
                }
                frame = true;
            }
            at += length;
            if (marker == 0xda) {
                if (!frame) {
                    return false;
                }
                at = afterScan(c, at);
                if (at < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isFrame(int marker) {
        return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    }

    /** A frame header: precision 8, 12 or 16, a non-zero width, 1–4 components, and a length that fits them. */
    private static boolean jpegFrame(byte[] c, int p, int length) {
        if (length < 8) {
            return false;
        }
        int precision = u8(c, p + 2);
        int width = u16(c, p + 5);
        int components = u8(c, p + 7);
        return (precision == 8 || precision == 12 || precision == 16) && width > 0 && components >= 1 && components <= 4
                && length == 8 + 3 * components;
    }

    /** The offset of the marker after entropy-coded data (stuffed {@code FF 00} and RSTn belong to the data), or -1. */
    private static int afterScan(byte[] c, int at) {
        while (at + 1 < c.length) {
            if (u8(c, at) != 0xff) {
                at++;
                continue;
            }
            int next = u8(c, at + 1);
            if (next == 0x00 || (next >= 0xd0 && next <= 0xd7)) {
                at += 2;
            } else if (next == 0xff) {
                at++;
            } else {
                return at;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    private static int u8(byte[] c, int at) {
        return c[at] & 0xff;
    }

    private static int u16(byte[] c, int at) {
        return (u8(c, at) << 8) | u8(c, at + 1);
    }

    private static long u32(byte[] c, int at) {
        return ((long) u8(c, at) << 24) | ((long) u8(c, at + 1) << 16) | ((long) u8(c, at + 2) << 8) | u8(c, at + 3);
    }
}

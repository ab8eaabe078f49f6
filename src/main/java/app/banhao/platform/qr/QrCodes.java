package app.banhao.platform.qr;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as PNG and SVG. ZXing encodes the QR code; the PNG container is written here (a grey-scale image is
 * a few chunks) because ZXing's own image writer needs java.awt, which native images avoid; the SVG is one path.
 */
public final class QrCodes {

    private static final int MARGIN = 2;

    private QrCodes() {
    }

    /** A QR code of {@code content} about {@code size} pixels wide (error correction M: short content, e.g. a URI). */
    public static byte[] png(String content, int size) {
        return toPng(encode(content, size, ErrorCorrectionLevel.M), 1);
    }

    /**
     * A QR code of long {@code content} (a signed token), {@code scale} pixels a module. Error correction L: the least
     * dense symbol for the content, which a phone camera reads fastest from a screen (a screen does not get dirty).
     */
    public static byte[] densePng(String content, int scale) {
        return toPng(encode(content, 0, ErrorCorrectionLevel.L), scale);
    }

    /** The same symbol as {@link #densePng} as SVG, one unit a module, scalable to any size. */
    public static String denseSvg(String content) {
        BitMatrix matrix = encode(content, 0, ErrorCorrectionLevel.L);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                // A run of dark modules as a horizontal stroke one module high, through the middle of its row.
                path.append('M').append(start).append(' ').append(y).append(".5h").append(x - start);
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path stroke=\"#000\" d=\""
                + path + "\"/></svg>";
    }

    private static BitMatrix encode(String content, int size, ErrorCorrectionLevel level) {
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.MARGIN, MARGIN));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Content does not fit a QR code", e);
        }
    }

    private static byte[] toPng(BitMatrix matrix, int scale) {
        int width = matrix.getWidth() * scale;
        int height = matrix.getHeight() * scale;
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw)) {
                for (int y = 0; y < height; y++) {
                    deflate.write(0); // filter: none
                    for (int x = 0; x < width; x++) {
                        deflate.write(matrix.get(x / scale, y / scale) ? 0 : 255);
                    }
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(png);
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] { 8, 0, 0, 0, 0 }); // 8-bit grey-scale, deflate, adaptive filter, no interlace
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", raw.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}

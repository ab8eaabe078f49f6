package app.banhao.platform.pdf;

import java.nio.charset.StandardCharsets;

/**
 * A PDF of the objects given, numbered from 1 (the first the catalogue), with a correct cross-reference table
 * (PDF 32000-1 §7.5): enough for a stand-in label or a test's sample file, nothing a real document needs.
 */
public final class MinimalPdf {

    private MinimalPdf() {
    }

    public static byte[] of(String... objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

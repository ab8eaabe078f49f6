package app.banhao.postal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The EMS open platform's body encryption, both ways: requests we send and tracking pushes we receive are
 * {@code |$4|} + base64(SM4-ECB-PKCS7(json + signKey)), the SM4 key being the base64-decoded sign key. A push that
 * decrypts and ends with our sign key is the platform's: that is the push's only authentication.
 */
final class EmsCrypto {

    static final String SM4_PREFIX = "|$4|";

    private EmsCrypto() {
    }

    static String encrypt(String json, String signKey) {
        return SM4_PREFIX + Base64.getEncoder().encodeToString(sm4(true, (json + signKey).getBytes(StandardCharsets.UTF_8), signKey));
    }

    /** The JSON without the key; IllegalArgumentException when the field is not ours (wrong key, tampered, not SM4). */
    static String decrypt(String field, String signKey) {
        if (field == null || !field.startsWith(SM4_PREFIX)) {
            throw new IllegalArgumentException("Not an SM4 body");
        }
        byte[] cipher;
        try {
            cipher = Base64.getDecoder().decode(field.substring(SM4_PREFIX.length()).strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("Not base64");
        }
        String plain = new String(sm4(false, cipher, signKey), StandardCharsets.UTF_8);
        if (!plain.endsWith(signKey)) {
            throw new IllegalArgumentException("The body does not end with the sign key");
        }
        return plain.substring(0, plain.length() - signKey.length());
    }

    private static byte[] sm4(boolean encrypt, byte[] input, String signKey) {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding());
        cipher.init(encrypt, new KeyParameter(Base64.getDecoder().decode(signKey)));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        try {
            int n = cipher.processBytes(input, 0, input.length, out, 0);
            n += cipher.doFinal(out, n);
            return Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            // BouncyCastle throws DataLengthException (a RuntimeException) for a length not a block multiple.
            throw new IllegalArgumentException("SM4 body does not decrypt", e);
        }
    }
}

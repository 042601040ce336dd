package org.vtpm.tpm.crypto;

/**
 * XOR parameter obfuscation (TPM 2.0 Part 1, 21.2): the data XORed with a mask of its own length
 * from {@code KDFa(hashAlg, key, "XOR", contextU, contextV, 8 * length)}. The same call hides and
 * reveals.
 */
public final class XorObfuscation {

    public static final String LABEL = "XOR";

    private XorObfuscation() {
    }

    /**
     * @param key      the session's HMAC key ({@code sessionKey || authValue})
     * @param contextU the nonce of the side that sends the data ({@code nonceNewer})
     * @param contextV the nonce of the other side ({@code nonceOlder})
     */
    public static byte[] apply(HashAlgorithm algorithm, byte[] key, byte[] contextU, byte[] contextV, byte[] data) {
        if (data.length == 0) {
            return new byte[0];
        }
        byte[] mask = Kdfa.derive(algorithm, key, LABEL, contextU, contextV, 8 * data.length);
        for (int i = 0; i < mask.length; i++) {
            mask[i] ^= data[i];
        }
        return mask;
    }
}

package org.vtpm.tpm.crypto;

import java.nio.ByteBuffer;

import org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator;
import org.bouncycastle.crypto.params.KDFParameters;

/**
 * KDFe, the TPM's key derivation from an ECDH shared secret (TPM 2.0 Part 1, 11.4.10.3): the
 * SP 800-56A concatenation KDF, each block being
 * {@code H([i]32 || Z || label || 00 || partyUInfo || partyVInfo)}.
 *
 * <p>When {@code bits} is not a multiple of 8 the unused high-order bits of the first byte are
 * cleared, as for {@link Kdfa}.
 */
public final class Kdfe {

    private Kdfe() {
    }

    /**
     * @param z          the x coordinate of the ECDH shared point, at the curve's full size
     * @param label      the use ("DUPLICATE", "SECRET", "IDENTITY"), without its terminating zero
     * @param partyUInfo the x coordinate of the ephemeral public key
     * @param partyVInfo the x coordinate of the static public key
     */
    public static byte[] derive(HashAlgorithm algorithm, byte[] z, String label, byte[] partyUInfo,
            byte[] partyVInfo, int bits) {
        Kdfa.checkBits(bits);
        byte[] labelBytes = Kdfa.labelWithZero(label);
        byte[] otherInfo = ByteBuffer.allocate(labelBytes.length + partyUInfo.length + partyVInfo.length)
                .put(labelBytes).put(partyUInfo).put(partyVInfo).array();
        ConcatenationKDFGenerator generator = new ConcatenationKDFGenerator(algorithm.newDigest());
        generator.init(new KDFParameters(z, otherInfo));
        byte[] out = new byte[(bits + 7) / 8];
        generator.generateBytes(out, 0, out.length);
        Kdfa.clearUnusedBits(out, bits);
        return out;
    }
}

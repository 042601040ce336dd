package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_PUBLIC_KEY_RSA: an RSA modulus, signature or ciphertext. */
@SizedBuffer(max = TpmLimits.MAX_RSA_KEY_BYTES)
public final class PublicKeyRsa extends SizedBytes implements PublicIdUnion {

    public static final PublicKeyRsa EMPTY = new PublicKeyRsa(new byte[0]);

    public PublicKeyRsa(byte[] buffer) {
        super(buffer);
    }
}

package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_PRIVATE_KEY_RSA: an RSA prime. */
@SizedBuffer(max = TpmLimits.RSA_PRIVATE_SIZE)
public final class PrivateKeyRsa extends SizedBytes implements SensitiveCompositeUnion {

    public static final PrivateKeyRsa EMPTY = new PrivateKeyRsa(new byte[0]);

    public PrivateKeyRsa(byte[] buffer) {
        super(buffer);
    }
}

package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_NONCE: a nonce (a TPM2B_DIGEST in the specification). */
@SizedBuffer(max = TpmLimits.MAX_DIGEST_SIZE)
public final class Nonce extends SizedBytes {

    public static final Nonce EMPTY = new Nonce(new byte[0]);

    public Nonce(byte[] buffer) {
        super(buffer);
    }
}

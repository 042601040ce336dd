package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_MAX_BUFFER: data for hashing, HMAC and symmetric encryption. */
@SizedBuffer(max = TpmLimits.MAX_DIGEST_BUFFER)
public final class MaxBuffer extends SizedBytes {

    public static final MaxBuffer EMPTY = new MaxBuffer(new byte[0]);

    public MaxBuffer(byte[] buffer) {
        super(buffer);
    }
}

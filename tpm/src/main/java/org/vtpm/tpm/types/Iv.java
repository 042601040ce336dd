package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_IV: an initialization vector for symmetric encryption. */
@SizedBuffer(max = TpmLimits.MAX_SYM_BLOCK_SIZE)
public final class Iv extends SizedBytes {

    public static final Iv EMPTY = new Iv(new byte[0]);

    public Iv(byte[] buffer) {
        super(buffer);
    }
}

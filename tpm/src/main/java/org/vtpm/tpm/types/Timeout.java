package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_TIMEOUT: a policy ticket timeout (a UINT64 at most). */
@SizedBuffer(max = 8)
public final class Timeout extends SizedBytes {

    public static final Timeout EMPTY = new Timeout(new byte[0]);

    public Timeout(byte[] buffer) {
        super(buffer);
    }
}

package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_MAX_NV_BUFFER: data written to or read from an NV index. */
@SizedBuffer(max = TpmLimits.MAX_NV_BUFFER_SIZE)
public final class MaxNvBuffer extends SizedBytes {

    public static final MaxNvBuffer EMPTY = new MaxNvBuffer(new byte[0]);

    public MaxNvBuffer(byte[] buffer) {
        super(buffer);
    }
}

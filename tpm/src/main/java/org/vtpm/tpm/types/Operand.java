package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_OPERAND: a policy operand (a TPM2B_DIGEST in the specification). */
@SizedBuffer(max = TpmLimits.MAX_DIGEST_SIZE)
public final class Operand extends SizedBytes {

    public static final Operand EMPTY = new Operand(new byte[0]);

    public Operand(byte[] buffer) {
        super(buffer);
    }
}

package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_ECC_PARAMETER: an ECC coordinate, scalar or signature component. */
@SizedBuffer(max = TpmLimits.MAX_ECC_KEY_BYTES)
public final class EccParameter extends SizedBytes implements SensitiveCompositeUnion {

    public static final EccParameter EMPTY = new EccParameter(new byte[0]);

    public EccParameter(byte[] buffer) {
        super(buffer);
    }
}

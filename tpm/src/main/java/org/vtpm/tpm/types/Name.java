package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_NAME: the name of an entity: a handle or a name algorithm and digest. */
@SizedBuffer(max = TpmLimits.SIZEOF_TPMT_HA)
public final class Name extends SizedBytes {

    public static final Name EMPTY = new Name(new byte[0]);

    public Name(byte[] buffer) {
        super(buffer);
    }
}

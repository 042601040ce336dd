package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_DIGEST: a digest, or data no larger than one. */
@SizedBuffer(max = TpmLimits.MAX_DIGEST_SIZE)
public final class Digest extends SizedBytes implements PublicIdUnion {

    public static final Digest EMPTY = new Digest(new byte[0]);

    public Digest(byte[] buffer) {
        super(buffer);
    }
}

package org.vtpm.tpm.server;

import java.nio.ByteBuffer;

import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.wire.TpmRc;

/** The response a TPM gives when it rejects a command outright: a bare header with the code. */
final class ErrorResponse {

    private static final short TPM_ST_NO_SESSIONS = (short) 0x8001;

    private ErrorResponse() {
    }

    static byte[] of(TpmRc rc) {
        return ByteBuffer.allocate(TpmFrames.HEADER_SIZE)
                .putShort(TPM_ST_NO_SESSIONS).putInt(TpmFrames.HEADER_SIZE).putInt(rc.value())
                .array();
    }
}

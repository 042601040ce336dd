package org.vtpm.rar.outbound;

import java.nio.ByteBuffer;

import org.vtpm.rar.api.TpmCommandException;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;

/** The few commands the adapter itself issues, marshalled by hand until the typed API is in. */
final class RawCommands {

    static final int RESPONSE_HEADER_SIZE = 10;

    /** TPM2_GetTestResult: no handles, no parameters, no sessions. */
    static final byte[] GET_TEST_RESULT = {(byte) 0x80, 0x01, 0, 0, 0, 0x0a, 0, 0, 0x01, 0x7c};

    private RawCommands() {
    }

    static byte[] getRandom(TpmConnection connection, int count) throws TpmResourceException {
        if (count < 0 || count > 0xffff) {
            throw new IllegalArgumentException("bytesRequested out of range: " + count);
        }
        ByteBuffer command = ByteBuffer.allocate(12);
        command.putShort((short) 0x8001).putInt(12).putInt(0x17b).putShort((short) count);
        ByteBuffer response = ByteBuffer.wrap(connection.transmit(command.array()));
        if (response.remaining() < RESPONSE_HEADER_SIZE) {
            throw new TpmResourceException("TPM2_GetRandom: short response");
        }
        response.getShort();
        response.getInt();
        int rc = response.getInt();
        if (rc != 0) {
            throw new TpmCommandException("TPM2_GetRandom", rc);
        }
        int size = Short.toUnsignedInt(response.getShort());
        if (size > response.remaining()) {
            throw new TpmResourceException("TPM2_GetRandom: response shorter than its randomBytes size");
        }
        byte[] random = new byte[size];
        response.get(random);
        return random;
    }
}

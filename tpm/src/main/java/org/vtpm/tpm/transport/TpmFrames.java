package org.vtpm.tpm.transport;

import java.nio.ByteBuffer;

/**
 * The part of the TPM 2.0 command/response header a transport must understand to find frame
 * boundaries: {@code tag (2) | size (4) | code (4)}. Nothing else of the command is interpreted.
 */
public final class TpmFrames {

    /** Size of the command and response header (TPM 2.0 Part 1, 18.2). */
    public static final int HEADER_SIZE = 10;

    /** The largest response a conventional TPM sends (MAX_RESPONSE_SIZE of the reference TPM). */
    public static final int DEFAULT_MAX_RESPONSE_SIZE = 4096;

    private TpmFrames() {
    }

    /** The {@code commandSize}/{@code responseSize} field of a header, unsigned. */
    public static long headerSize(byte[] header) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(header, 2, 4).getInt());
    }

    /**
     * Checks that a command to be sent is a whole frame; a mismatch would leave the peer waiting
     * for bytes that never come, or reading our next command as the tail of this one.
     */
    public static void checkCommand(String endpoint, byte[] command) throws FramingException {
        if (command.length < HEADER_SIZE) {
            throw new FramingException(endpoint, "command of " + command.length + " bytes is shorter than a header");
        }
        long size = headerSize(command);
        if (size != command.length) {
            throw new FramingException(endpoint, "command header says " + size + " bytes but " + command.length
                    + " are given");
        }
    }

    /**
     * Reads one response: the header first, then exactly the size it announces. A size below the
     * header size or above {@code maxSize} is a protocol error, never an allocation.
     */
    public static byte[] readResponse(SocketLink link, int maxSize) throws TpmTransportException {
        byte[] header = link.readFully(HEADER_SIZE);
        long size = headerSize(header);
        checkResponseSize(link.endpoint(), size, maxSize);
        byte[] response = new byte[(int) size];
        System.arraycopy(header, 0, response, 0, HEADER_SIZE);
        link.readFully(response, HEADER_SIZE, (int) size - HEADER_SIZE);
        return response;
    }

    /** Rejects a response size outside {@code [HEADER_SIZE, maxSize]}. */
    public static void checkResponseSize(String endpoint, long size, int maxSize) throws FramingException {
        if (size < HEADER_SIZE || size > maxSize) {
            throw new FramingException(endpoint, "response size " + size + " outside [" + HEADER_SIZE + ", "
                    + maxSize + "]");
        }
    }
}

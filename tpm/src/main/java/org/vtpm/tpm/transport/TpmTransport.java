package org.vtpm.tpm.transport;

import java.io.IOException;

/**
 * Carries one marshalled TPM 2.0 command to a TPM and brings back its response.
 *
 * <p>A transport knows nothing of the command's meaning; it moves whole command and response
 * buffers (header included). Implementations are not required to be thread-safe: a TPM processes
 * one command at a time, and callers that share a transport serialize their calls.
 */
public interface TpmTransport extends AutoCloseable {

    /**
     * Sends one complete command buffer and returns the complete response buffer.
     *
     * @throws IOException when the peer is unreachable, closes, times out, or sends a broken frame
     */
    byte[] transmit(byte[] command) throws IOException;

    @Override
    void close() throws IOException;
}

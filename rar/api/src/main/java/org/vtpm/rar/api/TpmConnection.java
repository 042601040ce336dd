package org.vtpm.rar.api;

import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;

/**
 * One borrowed connection to a TPM. Not thread-safe: one borrower issues one command at a time,
 * as on a real TPM. Closing returns it to the pool; transient objects and sessions the borrower
 * left loaded are flushed before the next borrower sees the TPM.
 */
public interface TpmConnection extends AutoCloseable {

    /** What this connection talks to. */
    TpmTarget target();

    /**
     * What kind of TPM answers, in words for operators (a hardware TPM's endpoint, or a software
     * stand-in, clearly named as such).
     */
    String backendDescription() throws TpmResourceException;

    /**
     * Runs one typed command, with sessions passed as values (one per handle that needs
     * authorization, in handle order, then any for auditing or parameter encryption).
     *
     * @throws TpmCommandException if the TPM answers with an error code
     * @throws TpmUnavailableException if the TPM does not answer
     */
    <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions) throws TpmResourceException;

    /**
     * Sends one marshalled TPM 2.0 command and returns the marshalled response, whatever its
     * response code: for callers that relay commands they did not build (a guest's, a tool's).
     */
    byte[] transmit(byte[] command) throws TpmResourceException;

    /**
     * TPM2_GetRandom: {@code count} bytes from the TPM's random number generator.
     *
     * @throws TpmCommandException if the TPM answers with an error code
     */
    byte[] getRandom(int count) throws TpmResourceException;

    @Override
    void close() throws TpmResourceException;
}

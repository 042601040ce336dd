package org.vtpm.rar.api;

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
     * Sends one marshalled TPM 2.0 command and returns the marshalled response, whatever its
     * response code.
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

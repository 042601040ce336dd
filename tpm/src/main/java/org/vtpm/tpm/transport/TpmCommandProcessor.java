package org.vtpm.tpm.transport;

/**
 * Something that executes marshalled TPM 2.0 commands in this JVM: the software TPM engine.
 *
 * <p>Implementations answer every command with a response buffer, including malformed commands
 * (which get an error response code), exactly as a TPM on the other end of a wire would.
 */
@FunctionalInterface
public interface TpmCommandProcessor {

    /**
     * Executes one command.
     *
     * @param locality the locality (0..4) the command arrives at, as a TPM interface would report it
     * @param command  the complete command buffer, header included
     * @return the complete response buffer, header included
     */
    byte[] process(int locality, byte[] command);
}

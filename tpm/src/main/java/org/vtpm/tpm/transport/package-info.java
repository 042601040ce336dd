/**
 * Moves raw TPM 2.0 command and response buffers to and from a TPM.
 *
 * <p>{@link org.vtpm.tpm.transport.TpmTransport} is the contract; this package holds what all
 * transports share (frame boundaries, timeouts, the typed {@code IOException}s that name the
 * endpoint) and the in-process transport to a {@link org.vtpm.tpm.transport.TpmCommandProcessor}.
 * The sub-packages hold one transport each: {@code swtpm} (socket protocol, control channel and
 * process launcher), {@code mssim} (Microsoft simulator protocol) and {@code device} (Linux
 * character device). No transport interprets a command beyond the header it needs for framing.
 */
package org.vtpm.tpm.transport;

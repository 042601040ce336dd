/**
 * Serving a TPM on sockets, as swtpm and the Microsoft simulator do, so unmodified TPM software
 * (tpm2-tss and the tools built on it, clients of the Microsoft simulator) can use a vTPM.
 *
 * <p>{@link org.vtpm.tpm.server.TpmDevice} is the TPM itself: the Java engine through
 * {@link org.vtpm.tpm.server.EngineDevice}, or libtpms in a swtpm process through
 * {@link org.vtpm.tpm.server.SwtpmDevice}; {@link org.vtpm.tpm.server.TpmPlatform} adds
 * what the platform around a TPM provides: power, locality, buffer size, and durable state in a
 * {@link org.vtpm.tpm.server.StateStore}; {@link org.vtpm.tpm.server.TpmSocketServer} speaks the
 * wire protocols on threads its owner supplies. The {@code vtpm socket} command and the resource
 * adapter both build on these three.
 */
package org.vtpm.tpm.server;

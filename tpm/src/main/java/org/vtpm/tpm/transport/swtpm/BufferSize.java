package org.vtpm.tpm.transport.swtpm;

/**
 * The TPM's I/O buffer size as {@code CMD_SET_BUFFERSIZE} reports it: the size in use and the range
 * the TPM would accept.
 */
public record BufferSize(int size, int minimum, int maximum) {
}

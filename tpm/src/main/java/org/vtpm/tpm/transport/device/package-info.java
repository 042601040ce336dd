/**
 * A TPM reached through a Linux character device ({@code /dev/tpmrm0}, {@code /dev/tpm0}): the host's
 * physical TPM in production.
 */
package org.vtpm.tpm.transport.device;

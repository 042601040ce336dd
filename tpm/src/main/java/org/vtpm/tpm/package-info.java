/**
 * The TPM 2.0 library of the vTPM manager, plain Java over Bouncy Castle, and {@link org.vtpm.tpm.Main},
 * the launcher of {@code vtpm.jar}. Subpackages hold the wire format, typed commands, client,
 * transports, the software TPM, event logs and the command-line tools.
 */
package org.vtpm.tpm;

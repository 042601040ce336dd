/**
 * The Microsoft TPM 2.0 simulator (mssim) TCP protocol, as spoken by ms-tpm-20-ref's simulator,
 * IBM's software TPM and tpm2-tss's {@code mssim} TCTI: a command port and a platform port.
 */
package org.vtpm.tpm.transport.mssim;

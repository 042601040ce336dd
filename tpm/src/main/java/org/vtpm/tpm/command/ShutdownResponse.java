package org.vtpm.tpm.command;

/** The response of TPM2_Shutdown. */
public record ShutdownResponse() implements TpmResponse {
}

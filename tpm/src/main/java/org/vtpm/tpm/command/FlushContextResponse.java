package org.vtpm.tpm.command;

/** The response of TPM2_FlushContext. */
public record FlushContextResponse() implements TpmResponse {
}

package org.vtpm.tpm.command;

/** The response of TPM2_PolicyDuplicationSelect. */
public record PolicyDuplicationSelectResponse() implements TpmResponse {
}

package org.vtpm.tpm.command;

/** The response of TPM2_TestParms: success is the answer. */
public record TestParmsResponse() implements TpmResponse {
}

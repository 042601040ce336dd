package org.vtpm.tpm.command;

/** TPM2_GetTestResult: returns the self-test result. */
public record GetTestResult() implements TpmCommand<GetTestResultResponse> {
}

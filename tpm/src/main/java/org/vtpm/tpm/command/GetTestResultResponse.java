package org.vtpm.tpm.command;

import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.wire.TpmRc;

/** The response of TPM2_GetTestResult. */
public record GetTestResultResponse(
        MaxBuffer outData,
        TpmRc testResult) implements TpmResponse {
}

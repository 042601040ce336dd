package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgList;

/** The response of TPM2_IncrementalSelfTest. */
public record IncrementalSelfTestResponse(
        AlgList toDoList) implements TpmResponse {
}

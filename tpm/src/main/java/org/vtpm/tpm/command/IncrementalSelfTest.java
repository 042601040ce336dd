package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgList;

/** TPM2_IncrementalSelfTest: tests the named algorithms. */
public record IncrementalSelfTest(
        AlgList toTest) implements TpmCommand<IncrementalSelfTestResponse> {
}

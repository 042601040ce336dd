package org.vtpm.tpm.command;

/** TPM2_SelfTest: tests the TPM's functions, all of them or those not yet tested. */
public record SelfTest(
        boolean fullTest) implements TpmCommand<SelfTestResponse> {
}

package org.vtpm.tpm.command;

/** The response of TPM2_SelfTest. */
public record SelfTestResponse() implements TpmResponse {
}

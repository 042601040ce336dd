package org.vtpm.tpm.command;

/** The response of TPM2_SetPrimaryPolicy. */
public record SetPrimaryPolicyResponse() implements TpmResponse {
}

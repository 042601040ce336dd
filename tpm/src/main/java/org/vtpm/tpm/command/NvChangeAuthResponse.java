package org.vtpm.tpm.command;

/** The response of TPM2_NV_ChangeAuth. */
public record NvChangeAuthResponse() implements TpmResponse {
}

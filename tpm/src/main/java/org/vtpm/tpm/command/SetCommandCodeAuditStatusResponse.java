package org.vtpm.tpm.command;

/** The response of TPM2_SetCommandCodeAuditStatus. */
public record SetCommandCodeAuditStatusResponse() implements TpmResponse {
}

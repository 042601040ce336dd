package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_GetSessionAuditDigest. */
public record GetSessionAuditDigestResponse(
        Tpm2b<Attest> auditInfo,
        Signature signature) implements TpmResponse {
}

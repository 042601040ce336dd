package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_GetCommandAuditDigest; without a signing key the signature is TPM_ALG_NULL. */
public record GetCommandAuditDigestResponse(
        Tpm2b<Attest> auditInfo,
        @Plus Signature signature) implements TpmResponse {
}

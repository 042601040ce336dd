package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_NV_Certify. */
public record NvCertifyResponse(
        Tpm2b<Attest> certifyInfo,
        Signature signature) implements TpmResponse {
}

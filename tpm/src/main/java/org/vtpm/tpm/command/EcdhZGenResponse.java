package org.vtpm.tpm.command;

import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_ECDH_ZGen. */
public record EcdhZGenResponse(
        Tpm2b<EccPoint> outPoint) implements TpmResponse {
}

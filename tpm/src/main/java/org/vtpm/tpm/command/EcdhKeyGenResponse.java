package org.vtpm.tpm.command;

import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_ECDH_KeyGen. */
public record EcdhKeyGenResponse(
        Tpm2b<EccPoint> zPoint,
        Tpm2b<EccPoint> pubPoint) implements TpmResponse {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_ECDH_ZGen: computes the shared point from a peer's public point and a loaded key. */
public record EcdhZGen(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle keyHandle,
        Tpm2b<EccPoint> inPoint) implements TpmCommand<EcdhZGenResponse> {
}

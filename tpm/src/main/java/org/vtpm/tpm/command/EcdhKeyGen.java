package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ECDH_KeyGen: creates an ephemeral key and the shared point with a loaded public key. */
public record EcdhKeyGen(
        @HandleArea @Check(Tpmi.DhObject.class) Handle keyHandle) implements TpmCommand<EcdhKeyGenResponse> {
}

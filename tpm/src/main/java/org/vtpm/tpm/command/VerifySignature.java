package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_VerifySignature: verifies a signature with a loaded key. */
public record VerifySignature(
        @HandleArea @Check(Tpmi.DhObject.class) Handle keyHandle,
        Digest digest,
        Signature signature) implements TpmCommand<VerifySignatureResponse> {
}

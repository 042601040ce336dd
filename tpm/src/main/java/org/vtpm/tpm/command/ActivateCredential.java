package org.vtpm.tpm.command;

import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.IdObject;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ActivateCredential: unwraps a credential if it was made for the given object. */
public record ActivateCredential(
        @HandleArea(auth = AuthRole.ADMIN) @Check(Tpmi.DhObject.class) Handle activateHandle,
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle keyHandle,
        IdObject credentialBlob,
        EncryptedSecret secret) implements TpmCommand<ActivateCredentialResponse> {
}

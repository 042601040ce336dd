package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_MakeCredential: wraps a credential for the key of the given name, to an EK's public key. */
public record MakeCredential(
        @HandleArea @Check(Tpmi.DhObject.class) Handle handle,
        Digest credential,
        Name objectName) implements TpmCommand<MakeCredentialResponse> {
}

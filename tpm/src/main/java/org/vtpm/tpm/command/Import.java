package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_Import: rewraps a duplicated object under a loaded parent. */
public record Import(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle parentHandle,
        Data encryptionKey,
        Tpm2b<Public> objectPublic,
        Private duplicate,
        EncryptedSecret inSymSeed,
        @Plus SymDefObject symmetricAlg) implements TpmCommand<ImportResponse> {
}

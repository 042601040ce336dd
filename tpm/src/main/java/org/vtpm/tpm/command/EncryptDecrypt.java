package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/**
 * TPM2_EncryptDecrypt: encrypts or decrypts with a loaded symmetric key. Its data is not the first
 * parameter, so no session can encrypt it; TPM2_EncryptDecrypt2 is the same with the data first.
 */
public record EncryptDecrypt(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle keyHandle,
        boolean decrypt,
        @Check(value = Tpmi.AlgSymMode.class, nullValue = NullValue.ACCEPTED) AlgId mode,
        Iv ivIn,
        MaxBuffer inData) implements TpmCommand<EncryptDecryptResponse> {
}

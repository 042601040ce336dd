package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/**
 * TPM2_EncryptDecrypt2: encrypts or decrypts with a loaded symmetric key; the data comes first so sessions can encrypt
 * it.
 */
public record EncryptDecrypt2(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle keyHandle,
        MaxBuffer inData,
        boolean decrypt,
        @Check(value = Tpmi.AlgSymMode.class, nullValue = NullValue.ACCEPTED) AlgId mode,
        Iv ivIn) implements TpmCommand<EncryptDecrypt2Response> {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaDecryptScheme;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Plus;

/** TPM2_RSA_Decrypt: decrypts with an RSA key. */
public record RsaDecrypt(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle keyHandle,
        PublicKeyRsa cipherText,
        @Plus RsaDecryptScheme inScheme,
        Data label) implements TpmCommand<RsaDecryptResponse> {
}

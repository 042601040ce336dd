package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaDecryptScheme;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Plus;

/** TPM2_RSA_Encrypt: encrypts with the public part of an RSA key. */
public record RsaEncrypt(
        @HandleArea @Check(Tpmi.DhObject.class) Handle keyHandle,
        PublicKeyRsa message,
        @Plus RsaDecryptScheme inScheme,
        Data label) implements TpmCommand<RsaEncryptResponse> {
}

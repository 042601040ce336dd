package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/**
 * TPMT_RSA_DECRYPT (renamed: TPM2_RSA_Decrypt is the command RsaDecrypt): the padding of RSA_Encrypt and RSA_Decrypt.
 */
public record RsaDecryptScheme(
        @Check(value = Tpmi.AlgRsaDecrypt.class, nullValue = NullValue.IF_PLUS) AlgId scheme,
        @Selector("scheme") AsymSchemeUnion details) {

    public static final RsaDecryptScheme NULL = new RsaDecryptScheme(AlgId.NULL, Empty.INSTANCE);
}

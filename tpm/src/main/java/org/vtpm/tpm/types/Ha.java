package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.DigestOf;
import org.vtpm.tpm.wire.NullValue;

/** TPMT_HA: a digest tagged with its hash algorithm; TPM_ALG_NULL has an empty digest. */
public record Ha(
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.IF_PLUS) AlgId hashAlg,
        @DigestOf("hashAlg") Bytes digest) implements SignatureUnion {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_HashSequenceStart: starts a hash sequence, or an event sequence for TPM_ALG_NULL. */
public record HashSequenceStart(
        Auth auth,
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.ACCEPTED)
        AlgId hashAlg) implements TpmCommand<HashSequenceStartResponse> {
}

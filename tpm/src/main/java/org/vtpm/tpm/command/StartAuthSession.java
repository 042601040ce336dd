package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;

/** TPM2_StartAuthSession: starts an HMAC, policy or trial session, optionally salted and bound. */
public record StartAuthSession(
        @HandleArea @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle tpmKey,
        @HandleArea @Check(value = Tpmi.DhEntity.class, nullValue = NullValue.ACCEPTED) Handle bind,
        Nonce nonceCaller,
        EncryptedSecret encryptedSalt,
        @Check(Tpmi.SeValues.class) Se sessionType,
        @Plus SymDef symmetric,
        @Check(Tpmi.AlgHash.class) AlgId authHash) implements TpmCommand<StartAuthSessionResponse> {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_PCR_SetAuthPolicy: sets (or with TPM_ALG_NULL removes) the policy of a PCR's policy group. */
public record PcrSetAuthPolicy(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhPlatform.class) Handle authHandle,
        Digest authPolicy,
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.ACCEPTED) AlgId hashAlg,
        @Check(Tpmi.DhPcr.class) Handle pcrNum) implements TpmCommand<PcrSetAuthPolicyResponse> {
}

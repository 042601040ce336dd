package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicySigned: binds a policy to a signed authorization. */
public record PolicySigned(
        @HandleArea @Check(Tpmi.DhObject.class) Handle authObject,
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Nonce nonceTPM,
        Digest cpHashA,
        Nonce policyRef,
        int expiration,
        Signature auth) implements TpmCommand<PolicySignedResponse> {
}

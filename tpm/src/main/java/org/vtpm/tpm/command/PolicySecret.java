package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicySecret: binds a policy to the authorization of an entity. */
public record PolicySecret(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhEntity.class) Handle authHandle,
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Nonce nonceTPM,
        Digest cpHashA,
        Nonce policyRef,
        int expiration) implements TpmCommand<PolicySecretResponse> {
}

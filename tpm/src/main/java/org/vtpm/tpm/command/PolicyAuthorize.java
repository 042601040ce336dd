package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.TkVerified;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyAuthorize: replaces the policy digest with one approved by a signing key. */
public record PolicyAuthorize(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Digest approvedPolicy,
        Nonce policyRef,
        Name keySign,
        TkVerified checkTicket) implements TpmCommand<PolicyAuthorizeResponse> {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyGetDigest: reads a policy session's digest. */
public record PolicyGetDigest(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession) implements TpmCommand<PolicyGetDigestResponse> {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyAuthValue: requires the object's authValue in an HMAC when the policy is used. */
public record PolicyAuthValue(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession) implements TpmCommand<PolicyAuthValueResponse> {
}

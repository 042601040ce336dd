package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyPassword: requires the object's authValue as a password when the policy is used. */
public record PolicyPassword(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession) implements TpmCommand<PolicyPasswordResponse> {
}

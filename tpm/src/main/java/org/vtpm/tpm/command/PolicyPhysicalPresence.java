package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyPhysicalPresence: requires physical presence when the policy is used. */
public record PolicyPhysicalPresence(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession)
        implements TpmCommand<PolicyPhysicalPresenceResponse> {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.Timeout;
import org.vtpm.tpm.types.TkAuth;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyTicket: replays a PolicySigned or PolicySecret authorization by its ticket. */
public record PolicyTicket(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Timeout timeout,
        Digest cpHashA,
        Nonce policyRef,
        Name authName,
        TkAuth ticket) implements TpmCommand<PolicyTicketResponse> {
}

package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyPCR: binds a policy to PCR values. */
public record PolicyPcr(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Digest pcrDigest,
        PcrSelectionList pcrs) implements TpmCommand<PolicyPcrResponse> {
}

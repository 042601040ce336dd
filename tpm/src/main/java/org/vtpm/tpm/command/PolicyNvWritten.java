package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyNvWritten: binds a policy to whether the authorized NV index has been written. */
public record PolicyNvWritten(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        boolean writtenSet) implements TpmCommand<PolicyNvWrittenResponse> {
}

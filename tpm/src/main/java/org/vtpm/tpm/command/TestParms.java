package org.vtpm.tpm.command;

import org.vtpm.tpm.types.PublicParms;

/** TPM2_TestParms: asks whether the TPM supports a combination of algorithm parameters. */
public record TestParms(
        PublicParms parameters) implements TpmCommand<TestParmsResponse> {
}

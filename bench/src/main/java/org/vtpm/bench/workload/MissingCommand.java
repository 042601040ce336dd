package org.vtpm.bench.workload;

import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.client.TpmCommandException;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A command a workload needs that the TPM does not implement (it answered TPM_RC_COMMAND_CODE):
 * the benchmark reports the workload as not applicable instead of measuring something else.
 */
public record MissingCommand(Cc command) {

    public MissingCommand {
        Objects.requireNonNull(command, "command");
    }

    /** The missing command behind {@code failure}, if that is what it is. */
    public static Optional<MissingCommand> of(TpmException failure) {
        if (failure instanceof TpmCommandException commandFailure && failure.rc().equals(TpmRc.COMMAND_CODE)) {
            return Optional.of(new MissingCommand(commandFailure.code()));
        }
        return Optional.empty();
    }

    /** The table cell: {@code n/a (engine lacks TPM_CC_QUOTE)}. */
    public String describe(String tpmName) {
        return "n/a (" + tpmName + " lacks " + command + ")";
    }
}

package org.vtpm.bench.workload;

import java.io.IOException;

import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.wire.TpmException;

/**
 * One workload prepared on one TPM: {@link #run} repeats the measured command(s) as often as the
 * benchmark wants; {@link #close} removes what preparing it left in the TPM (keys, NV indices), so
 * the next workload finds the TPM's slots free.
 */
public interface Operation extends AutoCloseable {

    /** Runs the measured command(s) once; the response is returned so no benchmark can optimize it away. */
    TpmResponse run() throws TpmException, IOException;

    @Override
    void close() throws TpmException, IOException;
}

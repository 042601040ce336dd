package org.vtpm.bench.engine;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;

import org.vtpm.bench.workload.MissingCommand;
import org.vtpm.bench.workload.Workload;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.wire.TpmException;

/**
 * An engine in the state a running guest typically leaves it: PCRs extended, an attestation key
 * loaded and an NV index written, as far as the engine implements those commands. The state
 * benchmarks serialize this rather than an empty TPM, whose state would flatter the format.
 */
final class GuestState {

    private static final List<Workload> CONTENTS = List.of(Workload.PCR_EXTEND, Workload.QUOTE_ECC, Workload.NV_READ);

    private GuestState() {
    }

    static Engine build(SecureRandom entropy) throws TpmException, IOException {
        StartedEngine started = StartedEngine.manufacture(entropy, "guest-state");
        for (Workload workload : CONTENTS) {
            try {
                // Left open on purpose: what it created in the TPM is the state to serialize.
                workload.prepare(started.tpm());
            } catch (TpmException e) {
                if (MissingCommand.of(e).isEmpty()) {
                    throw e;
                }
            }
        }
        return started.engine();
    }
}

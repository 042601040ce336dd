package org.vtpm.tpm.server;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a TPM's state lives between runs: one byte string per {@link StatePart}. A store makes
 * each {@link #store} durable before it returns, so a crash leaves the old or the new state,
 * never a mix.
 */
public interface StateStore {

    Optional<byte[]> load(StatePart part) throws IOException;

    void store(StatePart part, byte[] state) throws IOException;

    void delete(StatePart part) throws IOException;
}

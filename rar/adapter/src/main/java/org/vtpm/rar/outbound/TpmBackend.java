package org.vtpm.rar.outbound;

import java.io.IOException;

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.tpm.transport.TpmTransport;

/** Where a connection definition's TPMs are: opens one transport to one target. */
interface TpmBackend {

    /** Human-readable, for logs, health reports and connection metadata. */
    String description();

    /** Whether this backend serves the target at all (a tcp backend serves one physical TPM). */
    boolean serves(TpmTarget target);

    TpmTransport open(TpmTarget target) throws IOException;
}
